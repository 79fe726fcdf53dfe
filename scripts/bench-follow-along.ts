/**
 * Cost of following playback on the page: main-thread time per `timeupdate` of the page's player
 * with the side panel attached (the content script reports each update to the panel, which marks
 * the line in its own document), against the same page with no panel (the page's own listener
 * only). Runs the built extension in Chromium on the replica host page.
 *
 *   npm run build && npx tsx scripts/bench-follow-along.ts [updates]
 *
 * `measureFollowAlong(page, host, updates)` is the section for scripts/bench-browser.ts.
 */
import type { Page } from 'playwright-core';
import { ExtensionSession } from '../tests/e2e/support/launch';
import { openPanel, type PanelHost } from '../tests/e2e/support/panel';
import { startReplicaServer, urls } from '../tests/e2e/support/replica-server';

export interface UpdateCost {
  updates: number;
  /** Per update, milliseconds. */
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

/** Dispatches `updates` synthetic time updates through the episode and times each dispatch. */
function timeUpdates(page: Page, updates: number, step?: number): Promise<UpdateCost> {
  return page.evaluate(
    async ([count, stepSeconds]) => {
      const audio = document.querySelector('audio') as HTMLAudioElement;
      // No named functions in here: the script runner would wrap them in a helper the page lacks.
      const times: number[] = [];
      const span = Number.isFinite(audio.duration) ? audio.duration - 1 : 2900;
      for (let i = 0; i < count; i++) {
        // Setting the time on a paused element updates currentTime at once; its own seeking
        // events come later, outside the measurement.
        // Jumps through the whole episode, or plays on in steps of `stepSeconds` from 10:00.
        audio.currentTime = stepSeconds ? 600 + i * stepSeconds : (span * i) / count;
        const start = performance.now();
        audio.dispatchEvent(new Event('timeupdate'));
        times.push(performance.now() - start);
        // Let the seeking events and any scroll run between updates, as in playback.
        if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      const sorted = [...times].sort((a, b) => a - b);
      return {
        updates: count,
        mean: times.reduce((a, b) => a + b, 0) / count,
        p50: sorted[Math.floor(0.5 * sorted.length)] ?? 0,
        p95: sorted[Math.floor(0.95 * sorted.length)] ?? 0,
        max: sorted[sorted.length - 1] ?? 0,
      };
    },
    [updates, step ?? 0] as const,
  );
}

async function playerReady(page: Page) {
  await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1);
}

export interface FollowAlongCost {
  baseline: UpdateCost;
  following: UpdateCost;
  playback: UpdateCost;
}

export async function measureFollowAlong(
  page: Page,
  host: PanelHost,
  updates = 2000,
): Promise<FollowAlongCost> {
  await page.goto(urls.hostPage);
  await playerReady(page);
  await page.getByRole('button', { name: 'Open episode companion' }).waitFor();
  const baseline = await timeUpdates(page, updates);
  const panel = await openPanel(host, page);
  await panel.waitForFunction(() => document.querySelectorAll('.turn').length > 100);
  await panel.waitForFunction(() => !!document.querySelector('.sentence[aria-current="true"]'));
  const following = await timeUpdates(page, updates);
  // Playback: four updates a second, so the line changes every few updates only.
  const playback = await timeUpdates(page, updates, 0.25);
  await panel.close();
  return { baseline, following, playback };
}

const ms = (n: number) => `${n.toFixed(3)} ms`;

export function formatFollowAlong({ baseline, following, playback }: FollowAlongCost): string {
  const row = (label: string, c: UpdateCost) =>
    `${label.padEnd(28)} mean ${ms(c.mean)}  p50 ${ms(c.p50)}  p95 ${ms(c.p95)}  max ${ms(c.max)}`;
  return [
    `Follow along, on the page: ${following.updates} timeupdate events through the episode (host page replica)`,
    row('page only (no panel)', baseline),
    row('panel following, jumps', following),
    `  added per update: ${ms(following.mean - baseline.mean)} mean, ${ms(following.p95 - baseline.p95)} p95 (the report to the panel)`,
    row('panel following, playback', playback),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const updates = Number(process.argv[2] ?? 2000);
  const replica = await startReplicaServer();
  const session = await ExtensionSession.launch(replica);
  try {
    const page = await session.page();
    const host = {
      context: session.context,
      serviceWorker: session.serviceWorker,
      extensionId: session.extensionId,
    };
    console.log(formatFollowAlong(await measureFollowAlong(page, host, updates)));
  } finally {
    await session.close();
    await replica.close();
  }
}
