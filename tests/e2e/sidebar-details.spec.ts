/**
 * The companion's details a user relies on, each checked as they see it in the side panel: which
 * search result ↑/↓ make active and what Enter opens, the announced count, what the People and
 * Links tabs say, the dark theme, reduced motion, and a page that lays out as it would without
 * the extension (only the launcher is added to it).
 */
import { LINK_GROUP_LABELS } from '../../lib/episode/schema';
import { formatTime } from '../../lib/time';
import { episode, expectSafeLink } from './support/episode';
import { expect, test } from './support/fixtures';

test('↑/↓ move the active result, Enter opens that one, and the count read out is the one shown', async ({
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
  await sidebar.ui.keyboard.press('ArrowDown');
  await sidebar.ui.keyboard.press('ArrowDown');
  await expect(results.nth(2)).toHaveAttribute('aria-current', 'true');
  await expect(results.nth(0)).not.toHaveAttribute('aria-current', 'true');
  await sidebar.ui.keyboard.press('ArrowUp');
  await expect(results.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(results.nth(2)).not.toHaveAttribute('aria-current', 'true');
  // The input says which result is active, for screen readers.
  const activeId = await results.nth(1).getAttribute('id');
  await expect(sidebar.searchbox).toHaveAttribute('aria-activedescendant', activeId ?? '?');
  // ↑ from the first wraps to the last.
  await sidebar.ui.keyboard.press('ArrowUp');
  await sidebar.ui.keyboard.press('ArrowUp');
  await expect(results.nth(shown - 1)).toHaveAttribute('aria-current', 'true');
  await sidebar.ui.keyboard.press('ArrowDown');
  await sidebar.ui.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toHaveAttribute('aria-current', 'true');

  const second = (await results.nth(1).locator('.result-text').innerText()).trim();
  await sidebar.ui.keyboard.press('Enter');
  await expect(sidebar.tab('Transcript')).toHaveAttribute('aria-selected', 'true');
  const firstSentence = second.split(/(?<=[.?!])\s/)[0] ?? second;
  await expect(
    sidebar.panel().getByText(firstSentence.slice(0, 50), { exact: false }).first(),
  ).toBeInViewport();
});

test('People: each person’s role, title, bio and links that open safely in a new tab', async ({
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.hostPage);
  await sidebar.showTab('People');
  const panel = sidebar.panel();
  for (const person of episode.people) {
    const card = panel.getByRole('listitem').filter({
      has: sidebar.ui.getByRole('heading', { name: person.name, exact: true }),
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
        .filter({ has: sidebar.ui.getByRole('link', { name: link.title, exact: true }) });
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

test('follows the system’s dark theme: dark background, light text', async ({ sidebar, urls }) => {
  const colours = async () =>
    sidebar.root.evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, text: style.color };
    });
  const luminance = (rgb: string) => {
    const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };
  await sidebar.goto(urls.showPage);
  await sidebar.open();
  await sidebar.ui.emulateMedia({ colorScheme: 'light' });
  const light = await colours();
  expect(luminance(light.background)).toBeGreaterThan(0.8);
  expect(luminance(light.text)).toBeLessThan(0.3);

  await sidebar.ui.emulateMedia({ colorScheme: 'dark' });
  const dark = await colours();
  expect(luminance(dark.background)).toBeLessThan(0.2);
  expect(luminance(dark.text)).toBeGreaterThan(0.7);
});

test('with reduced motion asked for, nothing animates', async ({ sidebar, urls }) => {
  const duration = (el: Element) => getComputedStyle(el).transitionDuration;
  const moving = (d: string) => d.split(',').some((part) => Number.parseFloat(part) > 0);
  const durations = async (reducedMotion: 'reduce' | 'no-preference') => {
    await sidebar.page.emulateMedia({ reducedMotion });
    await sidebar.goto(urls.showPage);
    // The launcher's options (move, hide) appear with it, never with motion.
    await sidebar.launcher.hover();
    const launcher = await sidebar.page
      .getByRole('button', { name: 'Move the launcher to the other side' })
      .evaluate(duration);
    await sidebar.open();
    await sidebar.ui.emulateMedia({ reducedMotion });
    const sentence = await sidebar.root.locator('.sentence').first().evaluate(duration);
    await sidebar.close();
    return { launcher, sentence };
  };
  const normal = await durations('no-preference');
  // The launcher's options appear without motion at all; the transcript's lines ease.
  expect(moving(normal.launcher)).toBe(false);
  expect(moving(normal.sentence)).toBe(true);

  const calm = await durations('reduce');
  expect(moving(calm.launcher)).toBe(false);
  expect(moving(calm.sentence)).toBe(false);
});

test('open or closed, the companion takes no room: the page lays out as it would without it', async ({
  sidebar,
  urls,
}) => {
  const page = sidebar.page;
  for (const url of [urls.showPage, urls.hostPage]) {
    await sidebar.goto(url);
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
    const withLauncher = await layout();
    expect(withLauncher.html).toBeNull();
    // With the side panel open the page is as it was: the panel is the browser's, not the page's.
    await sidebar.open();
    expect(await layout()).toEqual(withLauncher);
    await sidebar.close();
    // And the launcher itself takes no room: removing it changes nothing.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('episode-companion')) el.remove();
    });
    expect(await layout()).toEqual(withLauncher);
  }
});
