/**
 * Wires the browser's events to the panel router (lib/page/panel-router.ts), which decides where
 * the companion may appear and how it opens: the toolbar button, its shortcut, the page's launcher
 * and "Find in transcript". No `tabs` permission: tab ids come with messages and clicks, and a
 * tab's address is visible only on the two sites the extension has access to.
 */

import { handleFindInTranscript, registerFindMenu } from '@/lib/page/find-in-transcript';
import type { CompanionMessage } from '@/lib/page/messages';
import { createPanelRouter, type PanelApis } from '@/lib/page/panel-router';

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;
  const apis = browser as unknown as {
    sidePanel?: PanelApis['sidePanel'];
    sidebarAction?: PanelApis['sidebarAction'];
  };
  const router = createPanelRouter({
    extensionId: browser.runtime.id,
    pagesOrigin: browser.runtime.getURL('/'),
    sidePanel: apis.sidePanel,
    sidebarAction: apis.sidebarAction,
    setPopup: (tabId, popup) => action.setPopup({ tabId, popup }),
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    broadcast: (message) => browser.runtime.sendMessage(message),
    // The in-page sheet, for browsers whose panel a page's click cannot open (the Firefox build).
    injectSheet: import.meta.env.FIREFOX
      ? (tabId) =>
          browser.scripting.executeScript({
            target: { tabId, frameIds: [0] },
            files: ['/sheet.js'],
          })
      : undefined,
  });
  void router.start();

  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    router.onMessage(message as CompanionMessage | undefined, sender),
  );
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading' || change.url) void router.onTabUpdated(tabId, tab.url);
  });

  // "Find in transcript" on selected text of the episode pages (Firefox's `menus` under its alias).
  const menus = browser.contextMenus;
  void registerFindMenu(menus);
  const findInTranscript = (
    info: Parameters<typeof handleFindInTranscript>[0],
    tab: Parameters<typeof handleFindInTranscript>[1],
  ) =>
    handleFindInTranscript(info, tab, (_tabId, message) =>
      // Without the `tabs` permission the tab's address is withheld; the click's own is not.
      router.find({ id: tab?.id, url: tab?.url ?? info.pageUrl }, message.query),
    );
  menus.onClicked.addListener((info, tab) => void findInTranscript(info, tab));
  // The browser tests call the handlers here, as a headless browser has no context menu, toolbar
  // or side panel to click. Only the extension's own pages can reach the worker's global scope.
  (globalThis as Record<string, unknown>).__companionFindInTranscript = findInTranscript;

  // The toolbar button, and its shortcut (`_execute_action` clicks it), on an episode page (where
  // the popup is switched off) opens the companion.
  const onToolbarClick = (tab: { id?: number }) => router.onToolbarClick(tab);
  action.onClicked.addListener((tab) => void onToolbarClick(tab));
  (globalThis as Record<string, unknown>).__companionToolbarClick = onToolbarClick;
});
