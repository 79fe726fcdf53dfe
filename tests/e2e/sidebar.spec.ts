/**
 * The companion on the replicas of the episode's two pages, as a user sees it: the launcher on the
 * page, the companion in the browser's side panel (opened through its `?tab=<id>` seam, see
 * support/panel.ts), what it shows, search by keyboard, the page's own layout left alone,
 * isolation, themes and accessibility.
 */
import AxeBuilder from '@axe-core/playwright';
import { episode, expectSafeLink } from './support/episode';
import { expect, test } from './support/fixtures';
import { NAMES } from './support/sidebar';

test('the launcher is on both episode pages, with or without a time link, and the panel opens', async ({
  sidebar,
  urls,
}) => {
  for (const url of [urls.showPage, `${urls.showPage}?t=12%3A34`, urls.hostPage]) {
    await sidebar.goto(url);
    // The page shows the launcher only; the companion itself is never in the page.
    await expect(sidebar.root).toHaveCount(0);
    await sidebar.open();
    for (const name of NAMES.tabs) await expect(sidebar.tab(name)).toBeVisible();
    await expect(sidebar.tab('Transcript')).toHaveAttribute('aria-selected', 'true');
    // The browser's side panel has its own close button; the companion adds none.
    await expect(sidebar.root.getByRole('button', { name: NAMES.close })).toHaveCount(0);
    await sidebar.close();
    await expect(sidebar.launcher).toBeVisible();
  }
});

test('the transcript shows every turn with its speaker and time', async ({ sidebar, urls }) => {
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
  sidebar,
  urls,
}) => {
  await sidebar.goto(urls.hostPage);
  await sidebar.open();
  await sidebar.showTab('People');
  await sidebar.ui.keyboard.press('/');
  await expect(sidebar.searchbox).toBeFocused();
  await sidebar.ui.keyboard.type('coccinelle');
  const first = sidebar.results.first();
  await expect(first).toContainText('Coconut');
  await expect(first.locator('mark').first()).toHaveText('Coconut');
  await expect(first).toContainText('Greg Kroah-Hartman');
  await expect(first).toContainText(/\d{1,2}:\d\d/);
  await expect(sidebar.root.locator('[aria-live="polite"]').first()).toContainText(/results? for/);

  await sidebar.ui.keyboard.press('ArrowDown');
  await sidebar.ui.keyboard.press('ArrowUp');
  await sidebar.ui.keyboard.press('Enter');
  await expect(sidebar.tab('Transcript')).toHaveAttribute('aria-selected', 'true');
  await expect(sidebar.panel().getByText(/Coconut yeah exactly/)).toBeInViewport();

  await sidebar.searchbox.focus();
  await sidebar.ui.keyboard.press('Escape');
  await expect(sidebar.searchbox).toHaveValue('');
  await sidebar.search('xylophone quartz');
  await expect(sidebar.root.getByText(/No results for/).first()).toBeVisible();
});

test('people and links: bios, every resource link with its real address and mentions', async ({
  sidebar,
  urls,
}) => {
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

test('the page keeps its own layout with the panel open and after, and the panel fills its height', async ({
  sidebar,
  urls,
}) => {
  for (const url of [urls.showPage, urls.hostPage]) {
    await sidebar.goto(url);
    const page = sidebar.page;
    // Everything the in-page sidebar used to change: the root's and body's style, margins and
    // widths, and where the page's content lies.
    const layout = () =>
      page.evaluate(() => {
        const box = (el: Element | null) => JSON.stringify(el?.getBoundingClientRect() ?? null);
        const html = document.documentElement;
        const htmlStyle = getComputedStyle(html);
        const bodyStyle = getComputedStyle(document.body);
        return {
          htmlAttribute: html.getAttribute('style'),
          bodyAttribute: document.body.getAttribute('style'),
          htmlMargin: [htmlStyle.marginLeft, htmlStyle.marginRight, htmlStyle.width],
          bodyMargin: [bodyStyle.marginLeft, bodyStyle.marginRight, bodyStyle.width],
          clientWidth: html.clientWidth,
          scrollWidth: html.scrollWidth,
          content: box(document.querySelector('article, main')),
        };
      });
    const closed = await layout();
    expect(closed.htmlAttribute).toBeNull();

    await sidebar.open();
    expect(await layout()).toEqual(closed);
    // The companion fills the panel the browser gives it, from top to bottom.
    const box = await sidebar.root.boundingBox();
    const panelSize = sidebar.ui.viewportSize();
    expect(box && panelSize).toBeTruthy();
    if (!box || !panelSize) return;
    expect(Math.round(box.width)).toBe(panelSize.width);
    expect(box.height).toBeGreaterThanOrEqual(panelSize.height - 2);

    await sidebar.close();
    expect(await layout()).toEqual(closed);
    await expect(sidebar.launcher).toBeVisible();
  }
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
  sidebar,
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

  // The page's aggressive global styles change nothing of the launcher or the companion: each
  // looks exactly as it does on the plain page.
  const looks = async () => {
    const style = (el: Element) => {
      const css = getComputedStyle(el);
      return `${css.fontSize} ${css.fontFamily} ${css.color} ${css.backgroundColor}`;
    };
    const launcher = await sidebar.launcher.evaluate(style);
    await sidebar.open();
    const searchbox = await sidebar.searchbox.evaluate(style);
    const tab = await sidebar.tab('Transcript').evaluate(style);
    await sidebar.close();
    return { launcher, searchbox, tab };
  };
  await sidebar.goto(urls.showPage);
  const plain = await looks();
  await sidebar.goto(urls.showPageHostileCss);
  await expect(page.locator('h1').first()).toHaveCSS('color', 'rgb(255, 0, 0)');
  expect(await looks()).toEqual(plain);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme} theme: no serious or critical accessibility violations on any tab`, async ({
    sidebar,
    urls,
  }) => {
    // axe walks the whole transcript (about 700 lines with their buttons) on every tab: in the
    // 400 px panel page this takes 30–70 s a tab on this machine (about 3 min alone, more with
    // the other theme's scan beside it).
    test.setTimeout(480_000);
    await sidebar.goto(urls.showPage);
    await sidebar.open();
    const panel = sidebar.ui;
    await panel.emulateMedia({ colorScheme });
    await sidebar.search('rust');
    await expect(sidebar.results.first()).toBeVisible();
    for (const name of NAMES.tabs) {
      await sidebar.showTab(name);
      const result = await new AxeBuilder({ page: panel })
        .options({ resultTypes: ['violations'] })
        .analyze();
      const serious = result.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(serious.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    }
  });
}
