/**
 * Chapters and open formats in the real browser, with the companion in the side panel (its page,
 * `sidebar.ui`) and the player on the episode page: the chapter being played is shown above the
 * transcript and follows the page's player; the chapter list jumps the transcript and the player;
 * search results name their chapter; the transcript and chapters download in open formats.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { chapters } from './support/episode';
import { expect, test } from './support/fixtures';
import { media, playerReady, setMedia } from './support/media';

const chapterNamed = (words: string) => {
  const index = chapters.findIndex((c) => c.title.includes(words));
  if (index < 0) throw new Error(`no chapter titled with "${words}"`);
  return { ...chapters[index]!, number: index + 1 };
};

const toggle = (page: Page) =>
  page.getByRole('button', { name: /^(Chapter \d+ of \d+|\d+ chapters):/ });
const chapterList = (page: Page) => page.getByRole('navigation', { name: 'Chapters' });

test('the chapter being played is shown above the transcript and follows playback', async ({
  page,
  sidebar,
  urls,
}) => {
  // Without a player on the page yet, the bar offers the chapters.
  await page.route('**/player.js*', (route) => route.abort());
  await sidebar.visitOpen(urls.showPage);
  const ui = sidebar.ui;
  await expect(toggle(ui)).toHaveAccessibleName(`${chapters.length} chapters: Jump to a topic`);
  await page.unroute('**/player.js*');
  await page.reload();
  await playerReady(page);
  await expect(toggle(ui)).toHaveAccessibleName(
    `Chapter 1 of ${chapters.length}: ${chapters[0]!.title}`,
  );

  const usb = chapterNamed('USB firmware');
  await setMedia(page, usb.start + 5, true);
  await expect(toggle(ui)).toHaveAccessibleName(
    `Chapter ${usb.number} of ${chapters.length}: ${usb.title}`,
  );

  const uring = chapterNamed('io_uring');
  await setMedia(page, uring.start + 30);
  await expect(toggle(ui)).toHaveAccessibleName(
    `Chapter ${uring.number} of ${chapters.length}: ${uring.title}`,
  );
  // The list marks the same chapter as the current one.
  await toggle(ui).click();
  await expect(chapterList(ui).locator('button[aria-current="true"]')).toContainText(uring.title);
});

test('choosing a chapter seeks the player and shows the chapter in the transcript', async ({
  page,
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.showPage);
  const ui = sidebar.ui;
  await playerReady(page);
  const target = chapterNamed('Coccinelle');

  await toggle(ui).click();
  await expect(toggle(ui)).toHaveAttribute('aria-expanded', 'true');
  const items = chapterList(ui).getByRole('button');
  await expect(items).toHaveCount(chapters.length);
  await items.filter({ hasText: target.title }).click();

  await expect(chapterList(ui)).toBeHidden();
  await expect.poll(async () => (await media(page))?.time).toBeCloseTo(target.start, 0);
  const heading = ui.getByRole('heading', { name: `Chapter ${target.number}: ${target.title}` });
  await expect(heading).toBeInViewport();
  await expect(toggle(ui)).toHaveAccessibleName(new RegExp(`^Chapter ${target.number} of`));
});

test('the chapter list works from the keyboard alone', async ({ page, sidebar, urls }) => {
  await sidebar.visitOpen(urls.showPage);
  const ui = sidebar.ui;
  await playerReady(page);
  await toggle(ui).focus();
  await ui.keyboard.press('Enter');
  // Nothing played yet: the first chapter takes focus; ↓ moves, Enter chooses.
  await expect(chapterList(ui).getByRole('button').first()).toBeFocused();
  await ui.keyboard.press('ArrowDown');
  await ui.keyboard.press('ArrowDown');
  await ui.keyboard.press('Enter');
  await expect.poll(async () => (await media(page))?.time).toBeCloseTo(chapters[2]!.start, 0);
  await expect(toggle(ui)).toBeFocused();

  await ui.keyboard.press('Enter');
  await expect(chapterList(ui)).toBeVisible();
  await ui.keyboard.press('Escape');
  await expect(chapterList(ui)).toBeHidden();
  await expect(toggle(ui)).toBeFocused();

  // Esc also closes the list while focus is still on its toggle.
  await ui.keyboard.press('Enter');
  await expect(chapterList(ui)).toBeVisible();
  await toggle(ui).focus();
  await ui.keyboard.press('Escape');
  await expect(chapterList(ui)).toBeHidden();
  await expect(toggle(ui)).toBeFocused();
});

test('search results name their chapter', async ({ sidebar, urls }) => {
  await sidebar.visitOpen(urls.hostPage);
  await sidebar.search('coconut');
  await expect(sidebar.results.first()).toContainText(chapterNamed('Coccinelle').title);
});

async function downloadAs(page: Page, name: string): Promise<{ file: string; text: string }> {
  await page.getByRole('button', { name: 'Download transcript', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  const path = await (download as Download).path();
  return { file: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('the transcript and chapters download in open formats', async ({ sidebar, urls }) => {
  await sidebar.visitOpen(urls.showPageStrictCsp);
  const ui = sidebar.ui;

  const vtt = await downloadAs(ui, 'Download transcript as WebVTT');
  expect(vtt.file).toBe('rust-for-linux-s06e04-transcript.vtt');
  expect(vtt.text.startsWith('WEBVTT')).toBe(true);
  expect(vtt.text).toContain('\n<v Greg Kroah-Hartman>');

  const markdown = await downloadAs(ui, 'Download transcript as Markdown');
  expect(markdown.file).toBe('rust-for-linux-s06e04-transcript.md');
  expect(markdown.text).toContain(`### ${chapterNamed('Coccinelle').title}`);

  const json = await downloadAs(ui, 'Download transcript as Podcasting 2.0 JSON');
  const segments = JSON.parse(json.text).segments;
  expect(segments[0]).toMatchObject({ speaker: 'Matthias Endler', startTime: 0 });

  const chapterJson = await downloadAs(ui, 'Download chapters as Podcasting 2.0 JSON');
  // Each chapter ends where the next starts; the last at the episode's end.
  const written = JSON.parse(chapterJson.text).chapters;
  expect(written).toEqual(
    chapters.map((c, i) => ({
      startTime: c.start,
      endTime: chapters[i + 1]?.start ?? expect.any(Number),
      title: c.title,
    })),
  );
  expect(written.at(-1).endTime).toBeGreaterThan(chapters.at(-1)!.start);
});

const seriousViolations = async (page: Page) => {
  // The bar and the lists it opens (the whole transcript is scanned in sidebar.spec.ts).
  const result = await new AxeBuilder({ page }).include('.transcript-bar').analyze();
  // The scan reached the bar: the chapter toggle was checked.
  const checked = result.passes.flatMap((rule) => rule.nodes.map((n) => JSON.stringify(n.target)));
  expect(checked.some((target) => target.includes('chapter-toggle'))).toBe(true);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
};

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme} theme: the open chapter list and downloads have no serious accessibility violations`, async ({
    page,
    sidebar,
    urls,
  }) => {
    await page.emulateMedia({ colorScheme });
    await sidebar.visitOpen(urls.showPage);
    const ui = sidebar.ui;
    // The panel follows the browser's colour scheme.
    await ui.emulateMedia({ colorScheme });
    await expect
      .poll(() => ui.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches))
      .toBe(colorScheme === 'dark');
    await playerReady(page);
    await setMedia(page, chapterNamed('io_uring').start);
    await toggle(ui).click();
    await expect(chapterList(ui)).toBeVisible();
    expect(await seriousViolations(ui)).toEqual([]);

    // Opening the downloads closes the chapter list.
    await ui.getByRole('button', { name: 'Download transcript', exact: true }).click();
    await expect(ui.getByRole('list', { name: 'Downloads' })).toBeVisible();
    await expect(chapterList(ui)).toBeHidden();
    expect(await seriousViolations(ui)).toEqual([]);
  });
}
