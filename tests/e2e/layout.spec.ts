/**
 * The page keeps its own layout beside the companion, on a replica of the show page with the
 * site's traits that matter (support/replica-server.ts, fixtures/pages/corrode-*): a navigation
 * that collapses into a menu below 960 px, a footer grid, `overflow-x: hidden` on html and body,
 * and a player frame sized in pixels on the window's load and resize, as Podlove does.
 *
 * The side panel narrows the browser's viewport; headless Chromium has no panel UI, so the page's
 * viewport is narrowed by the panel's width, as the browser would, with the panel open beside it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const PANEL_WIDTH = 400;

const CONTROLS = 'header a, header button, footer a, iframe';

/**
 * What hides the page's `index`-th control, if shown (not in a collapsed menu): cut off by the
 * page's edge, or covered (by the launcher, say), once scrolled into view.
 */
function blockedControl(page: Page, index: number) {
  return page.evaluate(
    ([selector, i]) => {
      const el = document.querySelectorAll(selector)[i];
      if (!el?.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) return '';
      const width = document.documentElement.clientWidth;
      const label = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const box = el.getClientRects()[0] ?? el.getBoundingClientRect();
      if (box.left < 0 || box.right > width + 0.5)
        return `${label} cut off: ${Math.round(box.left)}–${Math.round(box.right)} of ${width}`;
      const top = document.elementFromPoint(
        box.left + Math.min(box.width / 2, 8),
        box.top + box.height / 2,
      );
      return top === el || el.contains(top)
        ? ''
        : `${label} covered by ${top?.tagName.toLowerCase()}`;
    },
    [CONTROLS, index] as const,
  );
}

/** The player's own controls cut off inside its frame, or the frame wider than the page. */
function clippedPlayer(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    const label = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    // The player's own controls, inside its frame.
    const frame = document.querySelector('iframe');
    const inner = frame?.contentDocument;
    if (frame && inner) {
      const frameWidth = frame.clientWidth;
      for (const el of inner.querySelectorAll('button, .pwp-time, .pwp-remaining')) {
        const box = el.getBoundingClientRect();
        if (box.right > frameWidth + 0.5) problems.push(`player ${label(el)} cut off in its frame`);
      }
      const frameBox = frame.getBoundingClientRect();
      if (frameBox.right > width + 0.5)
        problems.push(
          `player frame wider than the page (${Math.round(frameBox.right)} > ${width})`,
        );
    }
    return problems;
  });
}

for (const windowWidth of [1024, 1440]) {
  test(`with the companion open in a ${windowWidth} px window, nothing of the page is covered or cut off`, async ({
    page,
    sidebar,
    urls,
  }) => {
    await page.setViewportSize({ width: windowWidth - PANEL_WIDTH, height: 800 });
    await sidebar.visitOpen(urls.showPage);
    // The player frame appears late and sizes itself on the window's load.
    await expect(page.frameLocator('iframe').getByRole('button', { name: 'Share' })).toBeVisible();
    expect(await clippedPlayer(page)).toEqual([]);
    const count = await page.locator(CONTROLS).count();
    expect(count).toBeGreaterThan(10);
    // The launcher moves aside once the scrolling settles: each control is free by then.
    for (let i = 0; i < count; i++) await expect.poll(() => blockedControl(page, i)).toBe('');
    // The menu, collapsed below the site's breakpoint, opens fully on the page.
    const menu = page.getByRole('button', { name: 'Menu' });
    if (await menu.isVisible()) {
      await menu.click();
      for (const link of await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link')
        .all())
        await expect(link).toBeInViewport({ ratio: 1 });
    }
    // The companion reserves nothing in the page: no margin or style on the root.
    expect(await page.evaluate(() => document.documentElement.getAttribute('style'))).toBeNull();
  });
}

/** Interactive elements of the page the launcher's box overlaps. */
function launcherOverlaps(page: Page) {
  return page.evaluate(() => {
    const group = document
      .querySelector('episode-companion')
      ?.shadowRoot?.querySelector('.launcher-group');
    if (!group) return ['no launcher'];
    const l = group.getBoundingClientRect();
    const overlaps: string[] = [];
    for (const el of document.querySelectorAll(
      'a[href], button, input, iframe, audio, video, summary',
    )) {
      if (!el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) continue;
      const b = el.getBoundingClientRect();
      if (b.width === 0 || b.height === 0) continue;
      if (b.right > l.left && b.left < l.right && b.bottom > l.top && b.top < l.bottom)
        overlaps.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
        );
    }
    return overlaps;
  });
}

for (const width of [360, 820, 1024, 1440]) {
  test(`at ${width} px the launcher overlaps no control of the page, at the top and at the bottom`, async ({
    page,
    sidebar,
    urls,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await sidebar.goto(urls.showPage);
    await expect(page.frameLocator('iframe').getByRole('button', { name: 'Share' })).toBeVisible();
    await expect.poll(() => launcherOverlaps(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(page.getByRole('link', { name: 'Back to top' })).toBeInViewport();
    await expect.poll(() => launcherOverlaps(page)).toEqual([]);
  });
}

test('the launcher can be moved to the other side and hidden, and the choice is remembered', async ({
  page,
  sidebar,
  urls,
}) => {
  await sidebar.goto(urls.showPage);
  const side = () =>
    page.evaluate(
      () =>
        (
          document
            .querySelector('episode-companion')
            ?.shadowRoot?.querySelector('.launcher-group') as HTMLElement | null
        )?.dataset.side,
    );
  await expect.poll(side).toBe('right');
  await sidebar.launcher.hover();
  await page.getByRole('button', { name: 'Move the launcher to the other side' }).click();
  await expect.poll(side).toBe('left');
  await page.reload();
  await expect(sidebar.launcher).toBeVisible();
  await expect.poll(side).toBe('left');
  await sidebar.launcher.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Hide the launcher' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(sidebar.launcher).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(sidebar.launcher).toBeHidden();
});

test('the launcher follows the page’s own theme, not the browser’s', async ({
  page,
  sidebar,
  urls,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await sidebar.goto(urls.showPage);
  const scheme = () =>
    page.evaluate(
      () =>
        (
          document
            .querySelector('episode-companion')
            ?.shadowRoot?.querySelector('.launcher-group') as HTMLElement | null
        )?.dataset.scheme,
    );
  await expect.poll(scheme).toBe('light');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect.poll(scheme).toBe('dark');
});
