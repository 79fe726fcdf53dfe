/**
 * Where the companion may open, and what asks for it: the browser's side panel is enabled on the
 * episode tabs only, and the toolbar button (and its shortcut), the page's launcher and "Find in
 * transcript" open it there. Headless Chromium has no toolbar, side panel or context menu, so the
 * tests read what the browser is given (the manifest, the per-tab panel options and popup), call
 * the worker's handlers with the tab, and record what they ask of `chrome.sidePanel.open`: a real
 * open is only allowed inside a user's gesture, which the worker's evaluation is not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { CHROME_BUILD } from './support/launch';
import { openPanel, type PanelHost, tabIdOf } from './support/panel';
import { NAMES } from './support/sidebar';

interface WorkerGlobals {
  chrome: {
    action: { getPopup(details: { tabId: number }): Promise<string> };
    sidePanel: {
      getOptions(details: { tabId: number }): Promise<{ enabled?: boolean; path?: string }>;
      open(options: { tabId: number }): Promise<void>;
    };
  };
  __companionToolbarClick(tab: { id?: number }): Promise<unknown>;
  __companionFindInTranscript(
    info: { menuItemId: string; selectionText?: string },
    tab: { id?: number; url?: string },
  ): Promise<unknown>;
  __openedPanels?: Opened[];
}

/**
 * What the browser does on a click of the toolbar button in the tab `tabId` (the worker sees tab
 * ids, not addresses: the extension has no `tabs` permission).
 */
function clickToolbar(worker: Worker, tabId: number) {
  return worker.evaluate(async (id) => {
    const g = globalThis as unknown as WorkerGlobals;
    const popup = await g.chrome.action.getPopup({ tabId: id });
    // With a popup set the browser shows it; without, it fires the click the handler receives.
    if (popup) return { popup };
    await g.__companionToolbarClick({ id });
    return { popup };
  }, tabId);
}

/** What the browser holds for a tab: its side panel's options, and the toolbar button's popup. */
function tabState(worker: Worker, tabId: number) {
  return worker.evaluate(async (id) => {
    const g = globalThis as unknown as WorkerGlobals;
    const { enabled, path } = await g.chrome.sidePanel.getOptions({ tabId: id });
    const popup = await g.chrome.action.getPopup({ tabId: id });
    return { enabled, path, popup };
  }, tabId);
}

/**
 * An episode tab's state: its own panel, bound to it and told which page the tab shows, and no
 * popup (the button opens the panel).
 */
const companionOn = (tabId: number) => ({
  enabled: true,
  path: expect.stringMatching(
    new RegExp(`^sidepanel\\.html\\?tab=${tabId}&page=(show-site|host-page)$`),
  ),
  popup: '',
});
/** Any other tab's: no panel, and the popup with the episode's pages. */
const pagesOnly = { enabled: false, popup: expect.stringMatching(/popup\.html$/) };

interface Opened {
  tabId: number;
  /** With `passThrough`: what the browser answered (it opens the panel only inside a gesture). */
  outcome?: 'opened' | string;
}

/**
 * Replaces `chrome.sidePanel.open` in the worker with a recorder of what it is asked to open,
 * in the order asked. With `passThrough` the browser's own `open` still runs, and its answer is
 * recorded: outside a user's gesture it refuses.
 */
async function recordPanelOpens(
  worker: Worker,
  { passThrough = false } = {},
): Promise<() => Promise<Opened[]>> {
  await worker.evaluate((through) => {
    const g = globalThis as unknown as WorkerGlobals;
    const sidePanel = g.chrome.sidePanel;
    const original = sidePanel.open.bind(sidePanel);
    const opened: Opened[] = [];
    g.__openedPanels = opened;
    sidePanel.open = (options) => {
      const call: Opened = { ...options };
      opened.push(call);
      if (!through) return Promise.resolve();
      const asked = original(options);
      asked.then(
        () => {
          call.outcome = 'opened';
        },
        (error: unknown) => {
          call.outcome = String(error);
        },
      );
      return asked;
    };
  }, passThrough);
  return () =>
    worker.evaluate(() => [...((globalThis as unknown as WorkerGlobals).__openedPanels ?? [])]);
}

/** The episode tab as the context menu's click gives it to the worker, with its address. */
async function episodeTab(host: PanelHost, page: Page) {
  const tabId = await tabIdOf(host, page);
  return { id: tabId, url: page.url() };
}

test('Alt+Shift+E is the toolbar button’s shortcut, and the side panel is the companion', () => {
  const manifest = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8'));
  expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+E');
  // Every page starts with the popup offering the episode's pages; an episode page's content
  // script switches it off for its tab (below), so there the button and the shortcut open the panel.
  expect(manifest.action.default_popup).toBe('popup.html');
  expect(manifest.permissions).toContain('sidePanel');
  expect(manifest.side_panel.default_path).toBe('sidepanel.html');
});

test('on an episode tab the side panel is enabled with the companion, and the toolbar button opens it', async ({
  sidebar,
  session,
  serviceWorker,
  extensionId,
  urls,
}) => {
  const host = { context: session.context, serviceWorker, extensionId };
  await sidebar.goto(urls.hostPage);
  const tabId = await tabIdOf(host, sidebar.page);
  // The content script announces the page; the panel is then bound to this tab.
  await expect.poll(() => tabState(serviceWorker, tabId)).toEqual(companionOn(tabId));
  const opened = await recordPanelOpens(serviceWorker);
  expect(await clickToolbar(serviceWorker, tabId)).toEqual({ popup: '' });
  expect(await opened()).toEqual([{ tabId }]);

  // The panel it opens is the companion for this tab.
  await sidebar.open();
  await expect(sidebar.root).toBeVisible();
  for (const name of NAMES.tabs) await expect(sidebar.tab(name)).toBeVisible();
});

test('on any other tab the side panel is off and the toolbar button offers the episode’s two pages', async ({
  page,
  session,
  serviceWorker,
  urls,
  extensionId,
}) => {
  const host = { context: session.context, serviceWorker, extensionId };
  // An episode tab is open too: its panel is its own, not the other tabs'.
  await page.goto(urls.showPage);
  const episodeTabId = await tabIdOf(host, page);
  await expect.poll(() => tabState(serviceWorker, episodeTabId)).toEqual(companionOn(episodeTabId));

  const other = await session.context.newPage();
  await other.goto(urls.unrelated[1]);
  const otherTabId = await tabIdOf(host, other);
  expect(await tabState(serviceWorker, otherTabId)).toMatchObject(pagesOnly);
  expect(await clickToolbar(serviceWorker, otherTabId)).toEqual({
    popup: expect.stringMatching(/popup\.html$/),
  });
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const links = popup.getByRole('link');
  await expect(links).toHaveCount(2);
  await expect(links.nth(0)).toHaveAttribute('href', urls.showPage);
  await expect(links.nth(1)).toHaveAttribute('href', urls.hostPage);
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }

  // The episode tab leaving the episode pages: the toolbar button offers the pages again, and a
  // panel still beside it shows the way to them (the browser withholds the new address, which is
  // no reason to close a panel: a reload of the episode page looks the same).
  await page.goto(urls.unrelated[0]);
  await expect
    .poll(async () => (await tabState(serviceWorker, episodeTabId)).popup)
    .toMatch(/popup\.html$/);
  const panel = await openPanel(host, page);
  await expect(panel.getByRole('link', { name: /On the show’s site/ })).toBeVisible();
  await expect(panel.getByRole('complementary', { name: 'Episode companion' })).toHaveCount(0);
});

test('the launcher’s click asks for the side panel of its tab; a page script’s click asks for nothing', async ({
  sidebar,
  session,
  serviceWorker,
  extensionId,
  urls,
}) => {
  const host = { context: session.context, serviceWorker, extensionId };
  await sidebar.goto(urls.showPage);
  const tabId = await tabIdOf(host, sidebar.page);
  await expect.poll(() => tabState(serviceWorker, tabId)).toEqual(companionOn(tabId));
  const opened = await recordPanelOpens(serviceWorker, { passThrough: true });

  // The page's own script clicks the launcher: not the listener's click, so nothing is asked.
  // (Playwright runs page scripts as if within a gesture; opening a window uses the gesture up,
  // so a request this click made would be refused and told apart from the listener's below.)
  const activeWhenClicked = await sidebar.page.evaluate(() => {
    window.open('about:blank')?.close();
    const active = navigator.userActivation.isActive;
    (
      document
        .querySelector('episode-companion')
        ?.shadowRoot?.querySelector('button[aria-label="Open episode companion"]') as
        | HTMLButtonElement
        | null
        | undefined
    )?.click();
    return active;
  });
  expect(activeWhenClicked).toBe(false);
  // The listener's click: the browser opens the panel, as the request comes within the gesture.
  // Requests from the tab reach the worker in order, so once this one has, any the page's click
  // had made is recorded before it.
  await sidebar.launcher.click();
  await expect
    .poll(async () => (await opened()).some((call) => call.outcome === 'opened'))
    .toBe(true);
  expect(await opened()).toEqual([{ tabId, outcome: 'opened' }]);
});

test('“Find in transcript” opens the side panel for the tab, which searches the selection', async ({
  sidebar,
  session,
  serviceWorker,
  extensionId,
  urls,
}) => {
  const host = { context: session.context, serviceWorker, extensionId };
  await sidebar.goto(urls.showPage);
  const tab = await episodeTab(host, sidebar.page);
  await expect.poll(() => tabState(serviceWorker, tab.id)).toEqual(companionOn(tab.id));
  const opened = await recordPanelOpens(serviceWorker);
  const find = (selectionText: string) =>
    serviceWorker.evaluate(
      ([t, text]) =>
        (globalThis as unknown as WorkerGlobals).__companionFindInTranscript(
          { menuItemId: 'find-in-transcript', selectionText: text },
          t,
        ),
      [tab, selectionText] as const,
    );

  // The selection, as the menu gives it: whitespace and all.
  await find('  stable\n   kernel ');
  expect(await opened()).toEqual([{ tabId: tab.id }]);
  // The panel that opens takes the query waiting for its tab.
  await sidebar.open();
  await expect(sidebar.searchbox).toHaveValue('stable kernel');
  await expect(sidebar.results.first()).toBeVisible();

  // Again with the panel already open: it searches the new selection.
  await find('Coccinelle');
  await expect(sidebar.searchbox).toHaveValue('Coccinelle');
  await expect(sidebar.results.first()).toContainText('Coccinelle');
  expect(await opened()).toEqual([{ tabId: tab.id }, { tabId: tab.id }]);
});
