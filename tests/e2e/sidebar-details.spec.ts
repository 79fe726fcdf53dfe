/**
 * The sidebar's details a user relies on, each checked as they see it: which search result ↑/↓
 * make active and what Enter opens, the announced count, what the People and Links tabs say,
 * resizing by dragging, the dark theme, reduced motion, `/` from the page, and a closed
 * companion that takes no room on the page.
 */
import { LINK_GROUP_LABELS } from '../../lib/episode/schema';
import { formatTime } from '../../lib/time';
import { episode, expectSafeLink } from './support/episode';
import { expect, test } from './support/fixtures';
import { Sidebar } from './support/sidebar';

test('↑/↓ move the active result, Enter opens that one, and the count read out is the one shown', async ({
  page,
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.showPage);
  await sidebar.search('stable kernel');
  const results = sidebar.results;
  await expect(results.nth(2)).toBeVisible();
  const shown = await results.count();
  await expect(sidebar.root.locator('[aria-live="polite"]').first()).toHaveText(
    `${shown} results for stable kernel`,
  );

  await expect(results.nth(0)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(2)).toHaveAttribute('aria-current', 'true');
  await expect(results.nth(0)).not.toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(results.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(results.nth(2)).not.toHaveAttribute('aria-current', 'true');
  // The input says which result is active, for screen readers.
  const activeId = await results.nth(1).getAttribute('id');
  await expect(sidebar.searchbox).toHaveAttribute('aria-activedescendant', activeId ?? '?');
  // ↑ from the first wraps to the last.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(results.nth(shown - 1)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toHaveAttribute('aria-current', 'true');

  const second = (await results.nth(1).locator('.result-text').innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(sidebar.tab('Transcript')).toHaveAttribute('aria-selected', 'true');
  const firstSentence = second.split(/(?<=[.?!])\s/)[0] ?? second;
  await expect(
    sidebar.panel().getByText(firstSentence.slice(0, 50), { exact: false }).first(),
  ).toBeInViewport();
});

test('People: each person’s role, title, bio and links that open safely in a new tab', async ({
  page,
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.hostPage);
  await sidebar.showTab('People');
  const panel = sidebar.panel();
  for (const person of episode.people) {
    const card = panel.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: person.name, exact: true }),
    });
    await expect(card).toHaveCount(1);
    await expect(card).toContainText(person.role === 'host' ? 'Host' : 'Guest');
    await expect(card).toContainText(person.title);
    for (const paragraph of person.bio) await expect(card).toContainText(paragraph);
    const web = card.getByRole('list', { name: `${person.name} on the web` });
    for (const link of person.links) {
      await expectSafeLink(web.getByRole('link', { name: link.label, exact: true }), link.url);
    }
  }
});

test('Links: topic headings, notes, when each link comes up (M:SS), and the official links', async ({
  page,
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.showPage);
  await sidebar.showTab('Links');
  const panel = sidebar.panel();
  const groups = new Set(episode.links.map((l) => l.group));
  for (const group of groups) {
    const section = panel.getByRole('region', { name: LINK_GROUP_LABELS[group], exact: true });
    await expect(section).toBeVisible();
    for (const link of episode.links.filter((l) => l.group === group)) {
      const item = section
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: link.title, exact: true }) });
      if (link.note) await expect(item).toContainText(link.note);
      // Every mention is a button showing the time of the turn where the link comes up.
      const mentions = item.getByRole('button', { name: `${link.title}: show in transcript at` });
      await expect(mentions).toHaveCount(link.mentions.length);
      for (const [i, turn] of link.mentions.entries()) {
        const time = formatTime(episode.transcript.turns[turn]?.start ?? -1);
        expect(time).toMatch(/^\d+:\d\d$/);
        await expect(mentions.nth(i)).toHaveText(time);
      }
    }
  }
  const official = panel.getByRole('region', { name: 'Official links' });
  for (const link of episode.officialLinks) {
    await expectSafeLink(official.getByRole('link', { name: link.label, exact: true }), link.url);
  }
});

test('dragging the edge resizes the sidebar and the page narrows with it', async ({
  page,
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.showPage);
  const separator = sidebar.root.getByRole('separator', { name: 'Resize episode companion' });
  const before = await sidebar.root.boundingBox();
  const handle = await separator.boundingBox();
  // The page gives up as much room as the sidebar takes: its body ends where the sidebar begins.
  const pageEnd = () => page.evaluate(() => document.body.getBoundingClientRect().right);
  expect(Math.round(await pageEnd())).toBe(Math.round(before?.x ?? -1));
  if (!before || !handle) throw new Error('the sidebar or its edge has no box');

  const x = handle.x + handle.width / 2;
  const y = handle.y + handle.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 60, y, { steps: 4 });
  await page.mouse.move(x - 120, y, { steps: 4 });
  await page.mouse.up();

  const after = await sidebar.root.boundingBox();
  expect(Math.round((after?.width ?? 0) - before.width)).toBe(120);
  await expect(separator).toHaveAttribute('aria-valuenow', String(Math.round(after?.width ?? 0)));
  expect(Math.round(await pageEnd())).toBe(Math.round(after?.x ?? -1));
  // Moving the pointer after letting go changes nothing.
  await page.mouse.move(x - 300, y);
  expect((await sidebar.root.boundingBox())?.width).toBe(after?.width);
});

test('follows the system’s dark theme: dark background, light text', async ({ page, urls }) => {
  const sidebar = new Sidebar(page);
  const colours = async () =>
    sidebar.root.evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, text: style.color };
    });
  const luminance = (rgb: string) => {
    const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };
  await page.emulateMedia({ colorScheme: 'light' });
  await sidebar.goto(urls.showPage);
  await sidebar.open();
  const light = await colours();
  expect(luminance(light.background)).toBeGreaterThan(0.8);
  expect(luminance(light.text)).toBeLessThan(0.3);

  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await colours();
  expect(luminance(dark.background)).toBeLessThan(0.2);
  expect(luminance(dark.text)).toBeGreaterThan(0.7);
});

test('with reduced motion asked for, nothing animates', async ({ page, urls }) => {
  const sidebar = new Sidebar(page);
  const duration = (el: Element) => getComputedStyle(el).transitionDuration;
  const moving = (d: string) => d.split(',').some((part) => Number.parseFloat(part) > 0);
  const durations = async () => {
    await sidebar.goto(urls.showPage);
    const launcher = await sidebar.launcher.evaluate(duration);
    await sidebar.open();
    const sentence = await sidebar.root.locator('.sentence').first().evaluate(duration);
    await sidebar.close();
    return { launcher, sentence };
  };
  const normal = await durations();
  expect(moving(normal.launcher)).toBe(true);
  expect(moving(normal.sentence)).toBe(true);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  const calm = await durations();
  expect(moving(calm.launcher)).toBe(false);
  expect(moving(calm.sentence)).toBe(false);
});

test('/ pressed on the page jumps to the search while the sidebar is open', async ({
  page,
  urls,
}) => {
  const sidebar = new Sidebar(page);
  await sidebar.goto(urls.showPage);
  await page.keyboard.press('/');
  await expect(sidebar.root).toBeHidden();
  await sidebar.open();
  await page.locator('h1').first().click();
  await page.keyboard.press('/');
  await expect(sidebar.searchbox).toBeFocused();
  await expect(sidebar.searchbox).toHaveValue('');
});

test('closed, the companion takes no room: the page lays out as it would without it', async ({
  page,
  urls,
}) => {
  for (const url of [urls.showPage, urls.hostPage]) {
    await page.goto(url);
    const sidebar = new Sidebar(page);
    await expect(sidebar.launcher).toBeVisible();
    const layout = () =>
      page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        height: document.documentElement.scrollHeight,
        html: document.documentElement.getAttribute('style'),
        body: document.body.getAttribute('style'),
        boxes: [...document.querySelectorAll('body > *:not(episode-companion)')].map((el) =>
          JSON.stringify(el.getBoundingClientRect()),
        ),
      }));
    const withCompanion = await layout();
    expect(withCompanion.html).toBeNull();
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('episode-companion')) el.remove();
    });
    expect(await layout()).toEqual(withCompanion);
  }
});
