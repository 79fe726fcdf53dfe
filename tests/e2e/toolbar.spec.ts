/**
 * The toolbar button and its keyboard shortcut. Headless Chromium has no toolbar to click and sends
 * no browser shortcuts, so the tests check what the browser is given (the manifest's command, the
 * popup per tab) and call the worker's click handler with the tab, as a click or Alt+Shift+E would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { CHROME_BUILD } from './support/launch';

interface WorkerGlobals {
  chrome: {
    tabs: { query(q: object): Promise<Array<{ id: number }>> };
    action: { getPopup(details: { tabId: number }): Promise<string> };
  };
  __companionToolbarClick(tab: { id?: number }): Promise<unknown>;
}

/** What the browser does on a click of the toolbar button in the tab showing `urlPattern`. */
function clickToolbar(worker: Worker, urlPattern: string) {
  return worker.evaluate(async (pattern) => {
    const g = globalThis as unknown as WorkerGlobals;
    const [tab] = await g.chrome.tabs.query({ url: pattern });
    if (!tab) throw new Error(`no tab at ${pattern}`);
    const popup = await g.chrome.action.getPopup({ tabId: tab.id });
    // With a popup set the browser shows it; without, it fires the click the handler receives.
    if (popup) return { popup };
    await g.__companionToolbarClick(tab);
    return { popup };
  }, urlPattern);
}

test('Alt+Shift+E is the toolbar button’s shortcut', () => {
  const manifest = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8'));
  expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+E');
  // Every page starts with the popup offering the episode's pages; an episode page's content
  // script switches it off for its tab (below), so there the button and the shortcut toggle.
  expect(manifest.action.default_popup).toBe('popup.html');
});

test('on an episode page the toolbar button opens and closes the sidebar', async ({
  sidebar,
  serviceWorker,
  urls,
}) => {
  await sidebar.goto(urls.hostPage);
  await expect
    .poll(() => clickToolbar(serviceWorker, 'https://letscast.fm/*'))
    .toEqual({
      popup: '',
    });
  await expect(sidebar.root).toBeVisible();
  // The sidebar takes focus, so the keyboard (and a screen reader) lands in it.
  await expect(sidebar.searchbox).toBeFocused();
  await clickToolbar(serviceWorker, 'https://letscast.fm/*');
  await expect(sidebar.root).toBeHidden();
  await expect(sidebar.launcher).toBeVisible();
});

test('on any other page the toolbar button offers the episode’s two pages', async ({
  page,
  session,
  serviceWorker,
  urls,
  extensionId,
}) => {
  await page.goto(urls.unrelated[1]);
  expect(await clickToolbar(serviceWorker, 'https://corrode.dev/*')).toEqual({
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
});
