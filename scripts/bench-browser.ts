/**
 * `npm run bench:browser [-- --json]` (after `npm run build`): the companion measured in headless
 * Chromium on the replica of the show page —
 * - open: from the click on the launcher to the transcript painted (median of runs),
 * - the content script's size gzipped, and its main-thread time while the page loads with the
 *   sidebar closed (CPU profile samples attributed to the content script's own file),
 * - the cost of following playback per time update (scripts/bench-follow-along.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { CHROME_BUILD, ExtensionSession } from '../tests/e2e/support/launch';
import { startReplicaServer, urls } from '../tests/e2e/support/replica-server';
import { formatFollowAlong, measureFollowAlong } from './bench-follow-along';

const RUNS = 7;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

/** Main-thread milliseconds sampled inside the content script while the page loads. */
async function contentScriptLoadMs(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(urls.showPage, { waitUntil: 'load' });
  await page.getByRole('button', { name: 'Open episode companion' }).waitFor();
  await page.waitForTimeout(300);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const ours = new Set(
    profile.nodes
      .filter((n) => n.callFrame.url.includes('/content-scripts/content.js'))
      .map((n) => n.id),
  );
  let micros = 0;
  profile.samples?.forEach((id, i) => {
    if (ours.has(id)) micros += profile.timeDeltas?.[i] ?? 0;
  });
  return micros / 1000;
}

/** From the launcher's click to the first frame painted after the transcript rendered. */
async function openMs(page: Page): Promise<number> {
  await page.goto(urls.showPage, { waitUntil: 'load' });
  // Watch in the page itself, so the figure holds no round trip of the test driver. (Strings, so
  // the bundler's helpers do not leak into the page.)
  await page.evaluate(`new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName('episode-companion:sidebar-rendered').length) return;
    observer.disconnect();
    // The frame after the render is the one that shows it.
    requestAnimationFrame(() => setTimeout(() => {
      const asked = performance.getEntriesByName('episode-companion:load-requested')[0];
      window.__companionPainted = performance.now() - asked.startTime;
    }, 0));
  }).observe({ type: 'mark' })`);
  await page.getByRole('button', { name: 'Open episode companion' }).click();
  await page.waitForFunction('window.__companionPainted !== undefined');
  const ms = (await page.evaluate('window.__companionPainted')) as number;
  await page.getByRole('button', { name: 'Close episode companion' }).click();
  return ms;
}

async function main() {
  const contentJs = readFileSync(join(CHROME_BUILD, 'content-scripts/content.js'));
  const replica = await startReplicaServer();
  const session = await ExtensionSession.launch(replica);
  try {
    const page = await session.page();
    const loads: number[] = [];
    const opens: number[] = [];
    for (let i = 0; i < RUNS; i++) loads.push(await contentScriptLoadMs(page));
    for (let i = 0; i < RUNS; i++) opens.push(await openMs(page));
    await page.goto(urls.hostPage, { waitUntil: 'load' });
    const follow = await measureFollowAlong(page);
    const figures = {
      openToTranscriptMs: round(median(opens)),
      openRunsMs: opens.map((n) => round(n)),
      contentScriptBytes: contentJs.length,
      contentScriptGzipBytes: gzipSync(contentJs).length,
      contentScriptLoadMs: round(median(loads)),
      followAlongMeanMs: round(follow.following.mean, 4),
      followAlongP95Ms: round(follow.following.p95, 4),
    };
    if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
    else {
      console.log(
        `open → transcript painted: median ${figures.openToTranscriptMs} ms (goal ≤ 50) over ${RUNS} runs: ${figures.openRunsMs.join(', ')}`,
      );
      console.log(
        `content script: ${figures.contentScriptBytes} B, ${figures.contentScriptGzipBytes} B gzipped (goal ≤ 20 KB)`,
      );
      console.log(
        `content script main-thread time on load, closed: median ${figures.contentScriptLoadMs} ms (goal ≤ 5)`,
      );
      console.log(formatFollowAlong(follow));
    }
  } finally {
    await session.close();
    await replica.close();
  }
}

await main();
