/**
 * Cost of following playback: main-thread time per `timeupdate` of the page's player with the
 * sidebar open, against the same page before the companion's sidebar loaded (the page's own
 * listener only). Runs the built extension in Chromium on the replica host page.
 *
 *   npm run build && npx tsx scripts/bench-follow-along.ts [updates]
 *
 * `measureFollowAlong(page, updates)` is the section for scripts/bench-browser.ts: give it a page
 * of the extension session on the host page, sidebar closed.
 */
import type { Page } from 'playwright-core';
import { ExtensionSession } from '../tests/e2e/support/launch';
import { startReplicaServer, urls } from '../tests/e2e/support/replica-server';

export interface UpdateCost {
  updates: number;
  /** Per update, milliseconds. */
  mean: number;
  p50: number;
  p95: number;
  max: number;
  /** How many updates moved the current line (the ones that touch the DOM). */
  lineChanges: number;
}

/** Dispatches `updates` synthetic time updates through the episode and times each dispatch. */
function timeUpdates(page: Page, updates: number, step?: number): Promise<UpdateCost> {
  return page.evaluate(
    async ([count, stepSeconds]) => {
      const audio = document.querySelector('audio') as HTMLAudioElement;
      const shadow = document.querySelector('episode-companion')?.shadowRoot;
      // The line being spoken (the chapter list marks its current chapter the same way). No
      // named functions in here: the script runner would wrap them in a helper the page lacks.
      const line = '.sentence[aria-current="true"]';
      const times: number[] = [];
      let lineChanges = 0;
      const span = Number.isFinite(audio.duration) ? audio.duration - 1 : 2900;
      for (let i = 0; i < count; i++) {
        // Setting the time on a paused element updates currentTime at once; its own seeking
        // events come later, outside the measurement.
        // Jumps through the whole episode, or plays on in steps of `stepSeconds` from 10:00.
        audio.currentTime = stepSeconds ? 600 + i * stepSeconds : (span * i) / count;
        const before = shadow?.querySelector(line)?.id;
        const start = performance.now();
        audio.dispatchEvent(new Event('timeupdate'));
        times.push(performance.now() - start);
        if (shadow?.querySelector(line)?.id !== before) lineChanges++;
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
        lineChanges,
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

export async function measureFollowAlong(page: Page, updates = 2000): Promise<FollowAlongCost> {
  await page.goto(urls.hostPage);
  await playerReady(page);
  await page.getByRole('button', { name: 'Open episode companion' }).waitFor();
  const baseline = await timeUpdates(page, updates);
  await page.getByRole('button', { name: 'Open episode companion' }).click();
  await page.getByRole('tablist').waitFor();
  // The sidebar renders the rest of the transcript in the next tasks; measure once it is all there.
  await page.waitForFunction(
    () =>
      (document.querySelector('episode-companion')?.shadowRoot?.querySelectorAll('.turn').length ??
        0) > 100,
  );
  await page.waitForFunction(
    () =>
      !!document
        .querySelector('episode-companion')
        ?.shadowRoot?.querySelector('.sentence[aria-current="true"]'),
  );
  const following = await timeUpdates(page, updates);
  // Playback: four updates a second, so the line changes every few updates only.
  const playback = await timeUpdates(page, updates, 0.25);
  return { baseline, following, playback };
}

const ms = (n: number) => `${n.toFixed(3)} ms`;

export function formatFollowAlong({ baseline, following, playback }: FollowAlongCost): string {
  const row = (label: string, c: UpdateCost) =>
    `${label.padEnd(28)} mean ${ms(c.mean)}  p50 ${ms(c.p50)}  p95 ${ms(c.p95)}  max ${ms(c.max)}`;
  return [
    `Follow along: ${following.updates} timeupdate events through the episode (host page replica)`,
    row('page only (sidebar closed)', baseline),
    row('sidebar following, jumps', following),
    `  of which ${following.lineChanges} moved the current line; added per update: ${ms(following.mean - baseline.mean)} mean, ${ms(following.p95 - baseline.p95)} p95`,
    row('sidebar following, playback', playback),
    `  (0.25 s steps: ${playback.lineChanges} of ${playback.updates} moved the line); the scroll check runs in the next animation frame, once per frame`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const updates = Number(process.argv[2] ?? 2000);
  const replica = await startReplicaServer();
  const session = await ExtensionSession.launch(replica);
  try {
    const page = await session.page();
    console.log(formatFollowAlong(await measureFollowAlong(page, updates)));
  } finally {
    await session.close();
    await replica.close();
  }
}
