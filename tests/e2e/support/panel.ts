/**
 * The side panel as the browser tests open it: headless Chromium has no side panel UI, so the panel
 * page is opened as a tab with `?tab=<id>` (the seam the panel offers), bound to the episode tab.
 * The episode tab's id comes from the extension's worker: the tab is brought to the front and the
 * active tab asked for (without the `tabs` permission the worker sees ids, not addresses).
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';

export interface PanelHost {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

export async function tabIdOf(host: PanelHost, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await host.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } };
    };
    return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  });
  if (id === undefined) throw new Error('the episode tab has no id');
  return id;
}

export const panelUrl = (extensionId: string, tabId: number) =>
  `chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`;

/** Opens the side panel for `page`'s tab, in a new tab of its own, 400 px wide as a panel is. */
export async function openPanel(host: PanelHost, page: Page): Promise<Page> {
  const tabId = await tabIdOf(host, page);
  const panel = await host.context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(panelUrl(host.extensionId, tabId));
  return panel;
}
