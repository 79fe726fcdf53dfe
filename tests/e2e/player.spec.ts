/**
 * Listen along, in the real browser on the replica pages: choosing a line or a result moves the
 * page's player (on the show site it sits in a srcless iframe the embed writes late), the line
 * being spoken follows playback, scrolling by hand offers "Back to now", quotes reach the
 * clipboard, "Find in transcript" opens the search, the host page shows the passage in its own
 * transcript, and the shortcuts work in the sidebar only.
 */
import type { Page } from '@playwright/test';
import { episode } from './support/episode';
import { expect, test } from './support/fixtures';
import { media, playerReady, setMedia } from './support/media';
import { Sidebar } from './support/sidebar';

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

const openSidebar = (page: Page, url: string) => new Sidebar(page).visitOpen(url);

const currentLine = (page: Page) => page.locator('.sentence[aria-current="true"]');
const transcriptLine = (page: Page, turn: number, sentence: number) =>
  page.locator(`#sentence-${turn}-${sentence}`);

test('choosing a search result seeks the player inside the show site’s embed frame', async ({
  page,
  urls,
}) => {
  await openSidebar(page, urls.showPage);
  await playerReady(page);
  await page
    .getByRole('searchbox', { name: 'Search transcript' })
    .fill('strategies to get it right');
  const result = page.getByRole('listitem').filter({ hasText: QUESTION }).first();
  await expect(result).toBeVisible();
  const question = lines.find((l) => l.text === QUESTION)!;

  // The embed's <audio> appears after load; the bridge picks it up on its own.
  await expect(async () => {
    await result.getByRole('button').first().click();
    expect(Math.floor((await media(page))!.time)).toBe(Math.floor(question.start));
  }).toPass();
  expect((await media(page))!.paused).toBe(true);
  await expect(currentLine(page)).toHaveCount(1);
  await expect(currentLine(page)).toContainText(QUESTION);
  await expect(currentLine(page)).toBeInViewport();
  // Seeking a player on the page never opens the host page in a new tab.
  expect(page.context().pages()).toHaveLength(1);
});

test('the line being spoken follows playback, and a clicked line plays from there', async ({
  page,
  urls,
}) => {
  await openSidebar(page, urls.hostPage);
  await playerReady(page);
  const first = lineAround(1200);
  await setMedia(page, first.start + 0.5, true);
  await expect(currentLine(page)).toHaveCount(1);
  await expect(currentLine(page)).toHaveId(`sentence-${first.turn}-${first.sentence}`);
  await expect(currentLine(page)).toBeInViewport();

  const later = lineAround(2400);
  await setMedia(page, later.start + 0.5);
  await expect(currentLine(page)).toHaveId(`sentence-${later.turn}-${later.sentence}`);
  await expect(transcriptLine(page, first.turn, first.sentence)).not.toHaveAttribute(
    'aria-current',
  );

  // Clicking a line moves the player there and keeps it playing.
  const target = lineAround(600);
  await transcriptLine(page, target.turn, target.sentence).click({ position: { x: 4, y: 6 } });
  await expect
    .poll(async () => Math.floor((await media(page))!.time))
    .toBeGreaterThanOrEqual(Math.floor(target.start));
  expect((await media(page))!.time).toBeLessThan(target.start + 60);
  expect((await media(page))!.paused).toBe(false);
  await expect(currentLine(page)).toHaveId(`sentence-${target.turn}-${target.sentence}`);
});

test('opening the sidebar while paused late in the episode shows the line being spoken', async ({
  page,
  urls,
}) => {
  await page.goto(urls.hostPage);
  await playerReady(page);
  const line = lineAround(2600);
  await setMedia(page, line.start + 0.5);
  await page.getByRole('button', { name: 'Open episode companion' }).click();
  // That turn is rendered last, and a paused player sends no time updates: it is marked anyway.
  await expect(currentLine(page)).toHaveId(`sentence-${line.turn}-${line.sentence}`);
  await expect(currentLine(page)).toBeInViewport();
});

test('scrolling the transcript by hand pauses following until “Back to now”', async ({
  page,
  urls,
}) => {
  await openSidebar(page, urls.hostPage);
  await playerReady(page);
  const line = lineAround(1500);
  await setMedia(page, line.start + 0.5);
  await expect(currentLine(page)).toBeInViewport();
  const backToNow = page.getByRole('button', { name: 'Back to now' });
  await expect(backToNow).toHaveCount(0);

  const panel = page.getByRole('tabpanel', { name: /Transcript/ });
  await panel.hover();
  await page.mouse.wheel(0, -6000);
  await expect(currentLine(page)).not.toBeInViewport();
  await expect(backToNow).toBeVisible();

  // While paused, playback moving on does not drag the transcript back.
  const next = lineAround(line.start + 30);
  await setMedia(page, next.start + 0.5);
  await expect(currentLine(page)).toHaveId(`sentence-${next.turn}-${next.sentence}`);
  await expect(currentLine(page)).not.toBeInViewport();

  await backToNow.click();
  await expect(currentLine(page)).toBeInViewport();
  await expect(backToNow).toHaveCount(0);
});

test('“Copy quote” copies the quote with a link to that moment on this page', async ({
  page,
  context,
  urls,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: 'https://corrode.dev',
  });
  // Other parameters of the page's address stay; an earlier time is replaced.
  await openSidebar(page, `${urls.showPage}?ref=feed&t=1%3A00`);
  await page
    .getByRole('searchbox', { name: 'Search transcript' })
    .fill('strategies to get it right');
  const result = page.getByRole('listitem').filter({ hasText: QUESTION }).first();
  await result.getByRole('button', { name: 'Copy quote' }).click();
  await expect(page.getByText('Quote copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `“${QUESTION}” — Matthias Endler, Rust in Production, 13:23\n` +
      'https://corrode.dev/podcast/s06e04-rust4linux/?ref=feed&t=13%3A23',
  );

  // Every transcript line has the same action.
  const line = lineAround(1200);
  const speaker = {
    'alice-ryhl': 'Alice Ryhl',
    'greg-kroah-hartman': 'Greg Kroah-Hartman',
    'matthias-endler': 'Matthias Endler',
  }[episode.transcript.turns[line.turn]!.speaker];
  const element = transcriptLine(page, line.turn, line.sentence);
  await element.scrollIntoViewIfNeeded();
  await element.getByRole('button', { name: 'Copy quote' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const minutes = Math.floor(line.start / 60);
  const seconds = String(Math.floor(line.start % 60)).padStart(2, '0');
  expect(copied).toBe(
    `“${line.text}” — ${speaker}, Rust in Production, ${minutes}:${seconds}\n` +
      `https://corrode.dev/podcast/s06e04-rust4linux/?ref=feed&t=${minutes}%3A${seconds}`,
  );
});

test('“Find in transcript” on selected page text opens the sidebar with that search', async ({
  page,
  serviceWorker,
  urls,
}) => {
  await page.goto(urls.hostPage);
  await expect(page.getByRole('button', { name: 'Open episode companion' })).toBeVisible();
  const selected = await page.evaluate(() => {
    const item = [...document.querySelectorAll('li')].find((li) =>
      li.textContent?.startsWith('klint'),
    );
    const range = document.createRange();
    range.selectNodeContents(item!.querySelector('a')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return getSelection()!.toString();
  });
  expect(selected).toBe('klint');
  // Headless Chromium has no context menu to click: call the item's handler in the worker, with
  // what the browser would pass it.
  await serviceWorker.evaluate(async (selectionText) => {
    const worker = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<unknown[]> } };
      __companionFindInTranscript(info: unknown, tab: unknown): Promise<unknown>;
    };
    const [tab] = await worker.chrome.tabs.query({ url: 'https://letscast.fm/*' });
    const handler = worker.__companionFindInTranscript;
    await handler({ menuItemId: 'find-in-transcript', selectionText }, tab);
  }, selected);
  await expect(page.getByRole('searchbox', { name: 'Search transcript' })).toHaveValue('klint');
  await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible();
});

test('on the host page, opening a result also marks the passage in the page’s own transcript', async ({
  page,
  urls,
}) => {
  await openSidebar(page, urls.hostPage);
  await page
    .getByRole('searchbox', { name: 'Search transcript' })
    .fill('strategies to get it right');
  await page
    .getByRole('listitem')
    .filter({ hasText: QUESTION })
    .first()
    .getByRole('button')
    .first()
    .click();
  const marked = () =>
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
  // The page scrolls there smoothly (unless reduced motion is asked for).
  await expect.poll(marked).toEqual({ text: QUESTION, inView: true, inTranscript: true, marks: 0 });
});

test('keyboard shortcuts act in the sidebar, never while typing or from the page', async ({
  page,
  urls,
}) => {
  await openSidebar(page, urls.hostPage);
  await playerReady(page);
  const line = lineAround(900);
  await setMedia(page, line.start + 0.5);
  await expect(currentLine(page)).toHaveId(`sentence-${line.turn}-${line.sentence}`);

  const search = page.getByRole('searchbox', { name: 'Search transcript' });
  await search.fill('');
  await search.pressSequentially('k]n');
  await expect(search).toHaveValue('k]n');
  expect((await media(page))!.paused).toBe(true);

  // From the page itself: nothing reaches the sidebar.
  await page.locator('h1').click();
  await page.keyboard.press('k');
  expect((await media(page))!.paused).toBe(true);

  await page.getByRole('tab', { name: /^Transcript/ }).focus();
  await page.keyboard.press(']');
  const next = lines.find((l) => l.start > line.start)!;
  await expect.poll(async () => (await media(page))!.time).toBe(next.start);
  await page.keyboard.press('k');
  await expect.poll(async () => (await media(page))!.paused).toBe(false);
  await page.keyboard.press('k');
  await expect.poll(async () => (await media(page))!.paused).toBe(true);

  const help = page.getByText('Back to now: follow playback again');
  await expect(help).toBeHidden();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
});
