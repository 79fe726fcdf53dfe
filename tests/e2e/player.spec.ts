/**
 * Listen along, in the real browser on the replica pages, with the companion in the side panel
 * (opened as a page of its own through `sidepanel.html?tab=<id>&page=<kind>`): choosing a line or a result
 * moves the episode page's player (on the show site it sits in a srcless iframe the embed writes
 * late), the line being spoken follows playback (also after the page reloads), scrolling by hand
 * offers "Back to now", quotes reach the clipboard, "Find in transcript" opens the search, the host
 * page shows the passage in its own transcript until the companion goes, and the shortcuts work in
 * the companion only.
 */
import type { Page } from '@playwright/test';
import { episode } from './support/episode';
import { expect, test } from './support/fixtures';
import { media, playerReady, setMedia } from './support/media';
import { type PanelHost, tabIdOf } from './support/panel';

/** Sentences in speaking order, each with the time the next one starts. */
const lines = episode.transcript.turns.flatMap((turn, t) =>
  turn.sentences.map((s, i) => ({ turn: t, sentence: i, start: s.start, text: s.text })),
);
const nextStart = (i: number) => lines[i + 1]?.start ?? Number.POSITIVE_INFINITY;
/** A line well into the episode that lasts a few seconds (starts are estimates; some coincide). */
function lineAround(seconds: number) {
  const index = lines.findIndex((l, i) => l.start >= seconds && nextStart(i) - l.start >= 3);
  const line = lines[index];
  if (!line) throw new Error(`no line after ${seconds} s`);
  return { ...line, index };
}

const QUESTION = 'Are there strategies to get it right the first time?';

/** In the companion (the panel page). */
const currentLine = (ui: Page) => ui.locator('.sentence[aria-current="true"]');
const transcriptLine = (ui: Page, turn: number, sentence: number) =>
  ui.locator(`#sentence-${turn}-${sentence}`);

/** The passage the host page marks in its own transcript (CSS Custom Highlight), on the page. */
const marked = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('episode-companion-quote');
    const range = highlight ? ([...highlight][0] as Range) : undefined;
    const rect = range?.getBoundingClientRect();
    return {
      text: range?.toString().replace(/\s+/g, ' '),
      inView: !!rect && rect.top >= 0 && rect.bottom <= innerHeight,
      inTranscript: !!range?.startContainer.parentElement?.closest('.lc-transcript'),
      // The page's DOM is not rewritten: no marks or wrappers were added.
      marks: document.querySelectorAll('.lc-transcript mark, .lc-transcript span').length,
    };
  });

test('choosing a search result seeks the player inside the show site’s embed frame', async ({
  page,
  context,
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.showPage);
  await playerReady(page);
  const pagesBefore = context.pages().length;
  await sidebar.search('strategies to get it right');
  const result = sidebar.results.filter({ hasText: QUESTION }).first();
  await expect(result).toBeVisible();
  const question = lines.find((l) => l.text === QUESTION)!;

  // The embed's <audio> appears after load; the bridge picks it up on its own.
  await expect(async () => {
    await result.getByRole('button').first().click();
    expect(Math.floor((await media(page))!.time)).toBe(Math.floor(question.start));
  }).toPass();
  expect((await media(page))!.paused).toBe(true);
  await expect(currentLine(sidebar.ui)).toHaveCount(1);
  await expect(currentLine(sidebar.ui)).toContainText(QUESTION);
  await expect(currentLine(sidebar.ui)).toBeInViewport();
  // Seeking a player on the page never opens the host page in a new tab.
  expect(context.pages()).toHaveLength(pagesBefore);
});

test('the line being spoken follows playback, and a clicked line plays from there', async ({
  page,
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.hostPage);
  await playerReady(page);
  const ui = sidebar.ui;
  const first = lineAround(1200);
  await setMedia(page, first.start + 0.5, true);
  await expect(currentLine(ui)).toHaveCount(1);
  await expect(currentLine(ui)).toHaveId(`sentence-${first.turn}-${first.sentence}`);
  await expect(currentLine(ui)).toBeInViewport();

  const later = lineAround(2400);
  await setMedia(page, later.start + 0.5);
  await expect(currentLine(ui)).toHaveId(`sentence-${later.turn}-${later.sentence}`);
  await expect(transcriptLine(ui, first.turn, first.sentence)).not.toHaveAttribute('aria-current');

  // Clicking a line moves the player there and keeps it playing.
  const target = lineAround(600);
  await transcriptLine(ui, target.turn, target.sentence).click({ position: { x: 4, y: 6 } });
  await expect
    .poll(async () => Math.floor((await media(page))!.time))
    .toBeGreaterThanOrEqual(Math.floor(target.start));
  expect((await media(page))!.time).toBeLessThan(target.start + 60);
  expect((await media(page))!.paused).toBe(false);
  await expect(currentLine(ui)).toHaveId(`sentence-${target.turn}-${target.sentence}`);
});

test('after the episode page reloads, the open panel shows the transcript again and follows the player', async ({
  page,
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.hostPage);
  await playerReady(page);
  const ui = sidebar.ui;
  const before = lineAround(1200);
  await setMedia(page, before.start + 0.5);
  await expect(currentLine(ui)).toHaveId(`sentence-${before.turn}-${before.sentence}`);

  await page.reload();
  await playerReady(page);
  // The same panel page, attached again to the reloaded tab: its companion is back.
  await expect(sidebar.root.getByRole('tablist')).toBeVisible();
  await expect(sidebar.tab('Transcript')).toHaveAttribute('aria-selected', 'true');
  const after = lineAround(2000);
  await setMedia(page, after.start + 0.5, true);
  await expect(currentLine(ui)).toHaveId(`sentence-${after.turn}-${after.sentence}`);
  await expect(currentLine(ui)).toBeInViewport();
  // And it drives the new page's player.
  const target = lineAround(600);
  await transcriptLine(ui, target.turn, target.sentence).click({ position: { x: 4, y: 6 } });
  await expect
    .poll(async () => Math.floor((await media(page))!.time))
    .toBeGreaterThanOrEqual(Math.floor(target.start));
  expect((await media(page))!.time).toBeLessThan(target.start + 60);
});

test('opening the companion while paused late in the episode shows the line being spoken', async ({
  page,
  sidebar,
  urls,
}) => {
  await sidebar.goto(urls.hostPage);
  await playerReady(page);
  const line = lineAround(2600);
  await setMedia(page, line.start + 0.5);
  await sidebar.open();
  // That turn is rendered last, and a paused player sends no time updates: it is marked anyway.
  await expect(currentLine(sidebar.ui)).toHaveId(`sentence-${line.turn}-${line.sentence}`);
  await expect(currentLine(sidebar.ui)).toBeInViewport();
});

test('scrolling the transcript by hand pauses following until “Back to now”', async ({
  page,
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.hostPage);
  await playerReady(page);
  const ui = sidebar.ui;
  const line = lineAround(1500);
  await setMedia(page, line.start + 0.5);
  await expect(currentLine(ui)).toHaveId(`sentence-${line.turn}-${line.sentence}`);
  await expect(currentLine(ui)).toBeInViewport();
  const backToNow = sidebar.root.getByRole('button', { name: 'Back to now' });
  await expect(backToNow).toHaveCount(0);

  const panel = sidebar.root.getByRole('tabpanel', { name: /Transcript/ });
  await panel.hover();
  await ui.mouse.wheel(0, -6000);
  await expect(currentLine(ui)).not.toBeInViewport();
  await expect(backToNow).toBeVisible();

  // While paused, playback moving on does not drag the transcript back.
  const next = lineAround(line.start + 30);
  await setMedia(page, next.start + 0.5);
  await expect(currentLine(ui)).toHaveId(`sentence-${next.turn}-${next.sentence}`);
  await expect(currentLine(ui)).not.toBeInViewport();

  await backToNow.click();
  await expect(currentLine(ui)).toBeInViewport();
  await expect(backToNow).toHaveCount(0);
});

test('“Copy quote” copies the quote with a link to that moment on this page', async ({
  page,
  context,
  sidebar,
  urls,
}) => {
  // The companion writes the clipboard from the panel; the test reads it back on the episode page
  // (one clipboard for the browser; an extension's origin cannot be granted permissions).
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: 'https://corrode.dev',
  });
  const clipboard = async () => {
    await page.bringToFront();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    await sidebar.ui.bringToFront();
    return text;
  };
  // Other parameters of the page's address stay; an earlier time is replaced.
  await sidebar.visitOpen(`${urls.showPage}?ref=feed&t=1%3A00`);
  const ui = sidebar.ui;
  await sidebar.search('strategies to get it right');
  const result = sidebar.results.filter({ hasText: QUESTION }).first();
  await result.getByRole('button', { name: 'Copy quote' }).click();
  await expect(ui.getByText('Quote copied')).toBeVisible();
  expect(await clipboard()).toBe(
    `“${QUESTION}” — Matthias Endler, Rust in Production, 13:23\n` +
      'https://corrode.dev/podcast/s06e04-rust4linux/?ref=feed&t=13%3A23',
  );

  // Every transcript line has the same action.
  await sidebar.search('');
  const line = lineAround(1200);
  const speaker = {
    'alice-ryhl': 'Alice Ryhl',
    'greg-kroah-hartman': 'Greg Kroah-Hartman',
    'matthias-endler': 'Matthias Endler',
  }[episode.transcript.turns[line.turn]!.speaker];
  const element = transcriptLine(ui, line.turn, line.sentence);
  await element.scrollIntoViewIfNeeded();
  await element.hover();
  await ui.locator('.line-actions').getByRole('button', { name: 'Copy quote' }).click();
  const minutes = Math.floor(line.start / 60);
  const seconds = String(Math.floor(line.start % 60)).padStart(2, '0');
  await expect
    .poll(clipboard)
    .toBe(
      `“${line.text}” — ${speaker}, Rust in Production, ${minutes}:${seconds}\n` +
        `https://corrode.dev/podcast/s06e04-rust4linux/?ref=feed&t=${minutes}%3A${seconds}`,
    );
});

/** Calls "Find in transcript" in the worker, as the page's context menu would on `selected`. */
async function findInTranscript(host: PanelHost, page: Page, selected: string) {
  const pageUrl = page.url();
  const tabId = await tabIdOf(host, page);
  // Headless Chromium has no context menu to click, nor a side panel to open: the item's handler
  // is called in the worker with what the browser would pass it. Its attempt to open the native
  // panel is refused here (no user gesture, no panel UI); the test opens the panel page itself.
  const handled = await host.serviceWorker.evaluate(
    async ([id, selectionText, pageUrl]) => {
      const worker = globalThis as unknown as {
        chrome: { tabs: { get(id: number): Promise<unknown> } };
        __companionFindInTranscript(info: unknown, tab: unknown): Promise<unknown>;
      };
      const tab = await worker.chrome.tabs.get(id);
      const handler = worker.__companionFindInTranscript;
      // Resolves to the message it acted on (undefined: not taken); rejects when the panel
      // could not be opened, after the query was left for the panel.
      return handler({ menuItemId: 'find-in-transcript', selectionText, pageUrl }, tab).then(
        (message) => message !== undefined,
        () => true,
      );
    },
    [tabId, selected, pageUrl] as const,
  );
  expect(handled, 'the menu click was taken for this tab').toBe(true);
}

async function selectKlint(page: Page) {
  return page.evaluate(() => {
    const item = [...document.querySelectorAll('li')].find((li) =>
      li.textContent?.startsWith('klint'),
    );
    const range = document.createRange();
    range.selectNodeContents(item!.querySelector('a')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return getSelection()!.toString();
  });
}

test('“Find in transcript” on selected page text opens the companion with that search', async ({
  page,
  context,
  sidebar,
  serviceWorker,
  extensionId,
  urls,
}) => {
  const host = { context, serviceWorker, extensionId };
  await sidebar.goto(urls.hostPage);
  const selected = await selectKlint(page);
  expect(selected).toBe('klint');
  await findInTranscript(host, page, selected);
  // The panel that opens for this tab starts on that search.
  await sidebar.open();
  await expect(sidebar.searchbox).toHaveValue('klint');
  await expect(sidebar.root.getByRole('list', { name: 'Search results' })).toBeVisible();

  // With the panel already open, a new "Find in transcript" searches there at once.
  await sidebar.search('');
  await findInTranscript(host, page, 'Coccinelle');
  await expect(sidebar.searchbox).toHaveValue('Coccinelle');
  await expect(sidebar.results.first()).toBeVisible();
});

test('on the host page, opening a result marks the passage in the page’s own transcript until the companion closes', async ({
  page,
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.hostPage);
  await sidebar.search('strategies to get it right');
  await sidebar.results.filter({ hasText: QUESTION }).first().getByRole('button').first().click();
  // The page scrolls there smoothly (unless reduced motion is asked for).
  await expect
    .poll(() => marked(page))
    .toEqual({ text: QUESTION, inView: true, inTranscript: true, marks: 0 });

  // The companion goes away: so does its mark in the page.
  await sidebar.close();
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.has('episode-companion-quote')))
    .toBe(false);
});

test('keyboard shortcuts act in the companion, never while typing or from the page', async ({
  page,
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.hostPage);
  await playerReady(page);
  const ui = sidebar.ui;
  const line = lineAround(900);
  await setMedia(page, line.start + 0.5);
  await expect(currentLine(ui)).toHaveId(`sentence-${line.turn}-${line.sentence}`);

  const search = sidebar.searchbox;
  await search.fill('');
  await search.pressSequentially('k]n');
  await expect(search).toHaveValue('k]n');
  expect((await media(page))!.paused).toBe(true);

  // From the page itself: nothing reaches the companion.
  await page.locator('h1').click();
  await page.keyboard.press('k');
  expect((await media(page))!.paused).toBe(true);

  await sidebar.tab('Transcript').focus();
  await ui.keyboard.press(']');
  const next = lines.find((l) => l.start > line.start)!;
  await expect.poll(async () => (await media(page))!.time).toBe(next.start);
  await ui.keyboard.press('k');
  await expect.poll(async () => (await media(page))!.paused).toBe(false);
  await ui.keyboard.press('k');
  await expect.poll(async () => (await media(page))!.paused).toBe(true);

  const help = ui.getByText('Back to now: follow playback again');
  await expect(help).toBeHidden();
  await ui.keyboard.press('?');
  await expect(help).toBeVisible();
});
