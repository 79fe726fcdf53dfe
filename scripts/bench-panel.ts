/**
 * The side panel's speeds, for scripts/bench-browser.ts, in headless Chromium on the show page's
 * replica. Headless Chromium has no side panel UI: the panel page is opened as a page of its own
 * with `?tab=<id>` (the seam the browser tests use), 400 px wide. Times are read from the panel's
 * own timeline (its navigation start is when the browser starts loading it) and, across the two
 * documents, from one clock (`performance.timeOrigin + performance.now()`).
 */
import type { Page } from 'playwright-core';
import { ExtensionSession } from '../tests/e2e/support/launch';
import { openPanel } from '../tests/e2e/support/panel';
import type { ReplicaServer } from '../tests/e2e/support/replica-server';
import { urls } from '../tests/e2e/support/replica-server';

const PAINTED = 'episode-companion:transcript-painted';

/** Milliseconds from the panel's navigation start to the frame that shows the transcript. */
async function paintedAt(panel: Page): Promise<number> {
  await panel.waitForFunction((name) => performance.getEntriesByName(name).length > 0, PAINTED);
  return panel.evaluate(
    (name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN,
    PAINTED,
  );
}

export interface Keystroke {
  /** From the key's event to its results in the DOM. */
  dom: number;
  /** From the key's event to the frame that shows them. */
  painted: number;
}

/**
 * Types one key into the search box (focused first, as a listener clicks it) and times its results:
 * the key event's own timestamp to the list's mutation, and to the task after the next frame.
 */
async function firstKeystroke(panel: Page, key: string): Promise<Keystroke> {
  const box = panel.getByRole('searchbox', { name: 'Search transcript' });
  await box.focus();
  await panel.evaluate(() => {
    const w = window as unknown as { __keystroke?: Promise<{ dom: number; painted: number }> };
    w.__keystroke = new Promise((resolve) => {
      document.addEventListener(
        'keydown',
        (event) => {
          const start = event.timeStamp;
          const observer = new MutationObserver(() => {
            if (!document.querySelector('[aria-label="Search results"] li')) return;
            observer.disconnect();
            const dom = performance.now() - start;
            requestAnimationFrame(() =>
              setTimeout(() => resolve({ dom, painted: performance.now() - start }), 0),
            );
          });
          observer.observe(document.body, { childList: true, subtree: true });
        },
        { capture: true, once: true },
      );
    });
  });
  await panel.keyboard.press(key);
  return panel.evaluate(
    () => (window as unknown as { __keystroke: Promise<Keystroke> }).__keystroke,
  );
}

export interface ColdOpen {
  painted: number;
  /** The first keystroke typed as soon as the transcript shows, and after a listener's pause. */
  keyAtOnce: Keystroke;
  keyAfterPause: Keystroke;
}

/**
 * A cold open: a new browser on a new profile (no code cache), the episode page loaded, then the
 * panel opened for its tab; its first keystroke. `pauseMs` is the time before the second panel's
 * keystroke, as a listener takes to reach the search box.
 */
export async function coldOpen(replica: ReplicaServer, pauseMs: number): Promise<ColdOpen> {
  const session = await ExtensionSession.launch(replica);
  try {
    const host = {
      context: session.context,
      serviceWorker: session.serviceWorker,
      extensionId: session.extensionId,
    };
    const page = await session.page();
    await page.goto(urls.showPage, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Open episode companion' }).waitFor();
    const panel = await openPanel(host, page);
    const painted = await paintedAt(panel);
    const keyAtOnce = await firstKeystroke(panel, 'k');
    await panel.close();
    // A second panel in the same browser: the code is cached now, the first keystroke is its own.
    const again = await openPanel(host, page);
    await paintedAt(again);
    await again.waitForTimeout(pauseMs);
    const keyAfterPause = await firstKeystroke(again, 'k');
    return { painted, keyAtOnce, keyAfterPause };
  } finally {
    await session.close();
  }
}

export interface WarmFigures {
  /** Panel opened again for the same tab in the same browser. */
  painted: number[];
  /** Click on a line in the panel → the page's player seeks there (its `seeking` event). */
  seek: number[];
  /** The same click → the panel marks that line as the one being spoken (the full round trip). */
  roundTrip: number[];
}

export async function warmOpens(replica: ReplicaServer, runs: number): Promise<WarmFigures> {
  const session = await ExtensionSession.launch(replica);
  const figures: WarmFigures = { painted: [], seek: [], roundTrip: [] };
  try {
    const host = {
      context: session.context,
      serviceWorker: session.serviceWorker,
      extensionId: session.extensionId,
    };
    const page = await session.page();
    await page.goto(urls.showPage, { waitUntil: 'load' });
    await page.frameLocator('iframe').getByRole('button', { name: 'Play' }).waitFor();
    await page.waitForFunction(
      () =>
        (document.querySelector('iframe')?.contentDocument?.querySelector('audio')?.readyState ??
          0) >= 1,
    );
    // The first open compiles the panel's code; the ones measured reuse it, as a listener's do.
    await (await openPanel(host, page)).close();
    for (let i = 0; i < runs; i++) {
      const panel = await openPanel(host, page);
      figures.painted.push(await paintedAt(panel));
      await panel.waitForFunction(() => document.querySelectorAll('.turn').length > 100);
      const { seek, roundTrip } = await seekOnce(page, panel, 20 + i * 7);
      figures.seek.push(seek);
      figures.roundTrip.push(roundTrip);
      await panel.close();
    }
    return figures;
  } finally {
    await session.close();
  }
}

/** Clicks the first line of turn `turn` in the panel and times the seek and its echo. */
async function seekOnce(page: Page, panel: Page, turn: number) {
  const seeking = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const audio = document.querySelector('iframe')?.contentDocument?.querySelector('audio');
        audio?.addEventListener(
          'seeking',
          () => resolve(performance.timeOrigin + performance.now()),
          {
            once: true,
          },
        );
      }),
  );
  const [start, marked] = await panel.evaluate(async (t) => {
    const line = document.querySelector<HTMLElement>(
      `.sentence[data-turn="${t}"][data-sentence="0"]`,
    );
    if (!line) throw new Error(`no line for turn ${t}`);
    const done = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (line.getAttribute('aria-current') !== 'true') return;
        observer.disconnect();
        resolve(performance.timeOrigin + performance.now());
      });
      observer.observe(line, { attributes: true, attributeFilter: ['aria-current'] });
    });
    const clicked = performance.timeOrigin + performance.now();
    line.click();
    return [clicked, await done];
  }, turn);
  return { seek: (await seeking) - start, roundTrip: marked - start };
}
