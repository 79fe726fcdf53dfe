/**
 * The sidebar on the replicas of the episode's two pages, as a user sees it: where it appears,
 * what it shows, search by keyboard, layout beside the page, isolation, themes and accessibility.
 */
import AxeBuilder from '@axe-core/playwright';
import { episode, expectSafeLink } from './support/episode';
import { expect, test } from './support/fixtures';
import { NAMES, Sidebar } from './support/sidebar';

test('appears closed on both episode pages, with or without a time link, and opens', async ({
  page,
  urls,
}) => {
  const sidebar = new Sidebar(page);
  for (const url of [urls.showPage, `${urls.showPage}?t=12%3A34`, urls.hostPage]) {
    await sidebar.goto(url);
    await expect(sidebar.root).toBeHidden();
    await sidebar.open();
    await expect(sidebar.closeButton).toBeVisible();
    for (const name of NAMES.tabs) await expect(sidebar.tab(name)).toBeVisible();
    await expect(sidebar.tab('Transcript')).toHaveAttribute('aria-selected', 'true');
    await sidebar.close();
    await expect(sidebar.launcher).toBeFocused();
  }
});

test('the transcript shows every turn with its speaker and time', async ({ page, urls }) => {
  const sidebar = new Sidebar(page);
  await sidebar.goto(urls.showPage);
  await sidebar.open();
  const panel = sidebar.panel();
  await expect(panel.getByRole('button', { name: /^Play from \d+:\d\d$/ })).toHaveCount(
    episode.transcript.turns.length,
  );
  await expect(panel.getByText('Greg Kroah-Hartman').first()).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Play from 0:00' })).toBeVisible();
});

test('search by keyboard: misheard names, highlights, count, ↑/↓ and Enter, / and Esc', async ({
  page,
  urls,
}) => {
  const sidebar = new Sidebar(page);
  await sidebar.goto(urls.hostPage);
  await sidebar.open();
  await sidebar.showTab('People');
  await page.keyboard.press('/');
  await expect(sidebar.searchbox).toBeFocused();
  await page.keyboard.type('coccinelle');
  const first = sidebar.results.first();
  await expect(first).toContainText('Coconut');
  await expect(first.locator('mark').first()).toHaveText('Coconut');
  await expect(first).toContainText('Greg Kroah-Hartman');
  await expect(first).toContainText(/\d{1,2}:\d\d/);
  await expect(sidebar.root.locator('[aria-live="polite"]').first()).toContainText(/results? for/);

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(sidebar.tab('Transcript')).toHaveAttribute('aria-selected', 'true');
  await expect(sidebar.panel().getByText(/Coconut yeah exactly/)).toBeInViewport();

  await sidebar.searchbox.focus();
  await page.keyboard.press('Escape');
  await expect(sidebar.searchbox).toHaveValue('');
  await sidebar.search('xylophone quartz');
  await expect(sidebar.root.getByText(/No results for/).first()).toBeVisible();
});

test('people and links: bios, every resource link with its real address and mentions', async ({
  page,
  urls,
}) => {
  const sidebar = new Sidebar(page);
  await sidebar.goto(urls.showPage);
  await sidebar.open();
  await sidebar.showTab('People');
  for (const person of episode.people)
    await expect(sidebar.panel().getByRole('heading', { name: person.name })).toBeVisible();

  await sidebar.showTab('Links');
  for (const link of episode.links) {
    await expectSafeLink(
      sidebar.panel().getByRole('link', { name: link.title, exact: true }),
      link.url,
    );
  }
  // "Mentioned at" shows the first turn where Coccinelle comes up, in the transcript.
  const coccinelle = episode.links.find((l) => l.title === 'Coccinelle');
  const turn = episode.transcript.turns[coccinelle?.mentions[0] ?? -1];
  await sidebar
    .panel()
    .getByRole('button', { name: /^Coccinelle: show in transcript at/ })
    .first()
    .click();
  await expect(sidebar.tab('Transcript')).toHaveAttribute('aria-selected', 'true');
  await expect(
    sidebar
      .panel()
      .getByText(turn?.sentences[0]?.text.slice(0, 40) ?? '?')
      .first(),
  ).toBeInViewport();
});

test('docks right at full height beside the page, resizes, and remembers', async ({
  page,
  urls,
}) => {
  const sidebar = new Sidebar(page);
  await sidebar.goto(urls.showPage);
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  const pageWidth = () => page.evaluate(() => document.documentElement.clientWidth);
  const closedWidth = await pageWidth();
  const article = page.locator('article').first();
  const closedBox = await article.boundingBox();

  await sidebar.open();
  const box = await sidebar.root.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  expect(Math.round(box.x + box.width)).toBeGreaterThanOrEqual(viewport.width - 20);
  expect(box.height).toBeGreaterThanOrEqual(viewport.height - 2);
  // The page's content stays usable beside it: nothing of the page lies under the sidebar.
  const articleBox = await article.boundingBox();
  expect((articleBox?.x ?? 0) + (articleBox?.width ?? 0)).toBeLessThanOrEqual(box.x + 1);

  const separator = sidebar.root.getByRole('separator', { name: 'Resize episode companion' });
  const before = Number(await separator.getAttribute('aria-valuenow'));
  await separator.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const wider = Number(await separator.getAttribute('aria-valuenow'));
  expect(wider).toBeGreaterThan(before);
  // The width is stored once resizing pauses (300 ms), not at every step.
  await page.waitForTimeout(800);

  await page.reload();
  await expect(sidebar.root).toBeVisible();
  await expect(separator).toHaveAttribute('aria-valuenow', String(wider));
  await sidebar.close();
  expect(await pageWidth()).toBe(closedWidth);
  expect(await article.boundingBox()).toEqual(closedBox);
});

test('does nothing at all on other pages of the same sites', async ({ page, urls }) => {
  for (const url of urls.unrelated) {
    await page.goto(url);
    await page.waitForTimeout(500);
    await expect(page.getByRole('button', { name: NAMES.launcher })).toHaveCount(0);
    const foreign = await page.evaluate(
      () =>
        [...document.querySelectorAll('*')].filter(
          (el) =>
            el.shadowRoot || el.tagName.includes('-') || el.hasAttribute('data-wxt-shadow-root'),
        ).length,
    );
    expect(foreign).toBe(0);
  }
});

test('works under a strict Content-Security-Policy, styles isolated both ways', async ({
  page,
  urls,
}) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  const sidebar = new Sidebar(page);
  await sidebar.goto(urls.showPageStrictCsp);
  const heading = page.locator('h1').first();
  const headingStyle = await heading.evaluate(
    (el) => getComputedStyle(el).cssText || getComputedStyle(el).color,
  );
  await sidebar.open();
  await sidebar.search('kernal');
  await expect(sidebar.results.first()).toBeVisible();
  expect(
    await heading.evaluate((el) => getComputedStyle(el).cssText || getComputedStyle(el).color),
  ).toBe(headingStyle);
  expect(violations).toEqual([]);
  await sidebar.close();

  await sidebar.goto(urls.showPageHostileCss);
  await sidebar.open();
  const fontSize = await sidebar.searchbox.evaluate((el) => getComputedStyle(el).fontSize);
  expect(fontSize).not.toBe('40px');
  const color = await sidebar.tab('Transcript').evaluate((el) => getComputedStyle(el).color);
  expect(color).not.toBe('rgb(255, 0, 0)');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme} theme: no serious or critical accessibility violations on any tab`, async ({
    page,
    urls,
  }) => {
    // axe walks the whole transcript (about 700 lines with their buttons) on every tab.
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme });
    const sidebar = new Sidebar(page);
    await sidebar.goto(urls.showPage);
    await sidebar.open();
    await sidebar.search('rust');
    await expect(sidebar.results.first()).toBeVisible();
    for (const name of NAMES.tabs) {
      await sidebar.showTab(name);
      const result = await new AxeBuilder({ page }).include('episode-companion').analyze();
      const serious = result.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(serious.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    }
  });
}
