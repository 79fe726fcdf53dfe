/**
 * What player discovery costs the host page when the page changes in bursts (`npm run
 * bench:discovery`, after `npm run build`). On the replica of the LetsCast episode page, whose own
 * transcript is hundreds of paragraphs, with the side panel attached (discovery watches the page
 * while a panel listens), three kinds of burst, each repeated:
 * - the page re-renders its transcript: the section replaced by a fresh copy of itself, as a
 *   framework re-render does (every paragraph removed and added);
 * - one paragraph appended;
 * - the page's own text rewritten in place (a clock, a highlighted line: no element added).
 * For each, the main-thread time sampled with the content script on its stack (CDP profiler,
 * every sample counted for its full interval: see content-script-samples.ts), from the burst to
 * 300 ms after it (discovery
 * defers its choice by 50 ms). Discovery looks only at what a burst adds, so its cost should follow
 * the number of elements added, not the size of the page.
 */
import type { Page } from 'playwright-core';
import { ExtensionSession } from '../tests/e2e/support/launch';
import { openPanel } from '../tests/e2e/support/panel';
import { startReplicaServer, urls } from '../tests/e2e/support/replica-server';
import { contentScriptMs } from './content-script-samples';

const RUNS = 12;
const SAMPLE_US = 50;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const round = (n: number) => Math.round(n * 100) / 100;

type Burst = 'rerender' | 'append' | 'text';

/** Runs one burst in the page; returns how many elements it added. */
function burst(page: Page, kind: Burst): Promise<number> {
  return page.evaluate((k) => {
    const section = document.querySelector('.lc-transcript');
    if (!section) throw new Error('no transcript section on the host page');
    if (k === 'rerender') {
      const copy = section.cloneNode(true) as Element;
      section.replaceWith(copy);
      return copy.querySelectorAll('*').length + 1;
    }
    if (k === 'append') {
      const p = document.createElement('p');
      p.textContent = 'One more line.';
      section.append(p);
      return 1;
    }
    for (const p of section.querySelectorAll('p')) p.firstChild?.replaceWith(`${p.textContent} `);
    return 0;
  }, kind);
}

/** Content-script milliseconds in one burst and the 300 ms after it. */
async function measure(page: Page, kind: Burst): Promise<{ ms: number; added: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
  await cdp.send('Profiler.start');
  const added = await burst(page, kind);
  await page.waitForTimeout(300);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  return { ms: contentScriptMs(profile, SAMPLE_US).wall, added };
}

async function main() {
  const replica = await startReplicaServer();
  const session = await ExtensionSession.launch(replica);
  try {
    const host = {
      context: session.context,
      serviceWorker: session.serviceWorker,
      extensionId: session.extensionId,
    };
    const page = await session.page();
    await page.goto(urls.hostPage, { waitUntil: 'load' });
    const panel = await openPanel(host, page);
    // Attached: the panel marks the line being spoken once it hears the player.
    await panel.waitForFunction(() => document.querySelectorAll('.turn').length > 100);
    await page.waitForTimeout(500);
    const elements = await page.evaluate(() => document.querySelectorAll('*').length);
    console.log(`host page: ${elements} elements; ${RUNS} bursts of each kind, panel attached`);
    for (const kind of ['rerender', 'append', 'text'] as const) {
      const runs: number[] = [];
      let added = 0;
      for (let i = 0; i < RUNS; i++) {
        const result = await measure(page, kind);
        runs.push(result.ms);
        added = result.added;
      }
      console.log(
        `${kind.padEnd(8)} (${added} elements added): content script median ${round(median(runs))} ms, max ${round(Math.max(...runs))} ms per burst`,
      );
    }
  } finally {
    await session.close();
    await replica.close();
  }
}

await main();
