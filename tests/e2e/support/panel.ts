/**
 * The side panel as the browser tests open it: headless Chromium has no side panel UI, so the panel
 * page is opened as a tab at the address Chrome would open it at (`?tab=<id>&page=<kind>`, the
 * seam the panel offers), bound to the episode tab.
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

/**
 * The address Chrome gives the tab's side panel: the path the background set for that tab once its
 * page announced itself (`sidepanel.html?tab=<id>&page=<kind>`). Waits for it, as the panel can
 * only be opened on the tab once it is set.
 */
async function panelPathOf(host: PanelHost, tabId: number): Promise<string> {
  const end = Date.now() + 10_000;
  for (;;) {
    const path = await host.serviceWorker.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as {
        chrome: { sidePanel: { getOptions(q: object): Promise<{ path?: string }> } };
      };
      return (await chrome.sidePanel.getOptions({ tabId: id })).path;
    }, tabId);
    if (path?.includes(`tab=${tabId}`)) return path;
    if (Date.now() > end) throw new Error(`the side panel of tab ${tabId} was never set up`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens the side panel for `page`'s tab, in a new tab of its own, 400 px wide as a panel is. */
export async function openPanel(host: PanelHost, page: Page): Promise<Page> {
  const tabId = await tabIdOf(host, page);
  const path = await panelPathOf(host, tabId);
  const panel = await host.context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${host.extensionId}/${path}`);
  return panel;
}
