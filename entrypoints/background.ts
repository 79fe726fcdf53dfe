/**
 * The toolbar button and the shortcut. On the episode's pages the content script announces
 * itself and the button then toggles the sidebar on that tab; everywhere else the popup offers the
 * two pages. No `tabs` permission: the tab's id comes with the message and with the click.
 */
import { handleFindInTranscript, registerFindMenu } from '@/lib/page/find-in-transcript';
import type { CompanionMessage } from './content/host-api';

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const type = (message as CompanionMessage | undefined)?.type;
    const tabId = sender.tab?.id;
    // Only our own content script, in a tab's top frame, may ask for anything.
    if (sender.id !== browser.runtime.id || tabId === undefined || sender.frameId !== 0) return;
    if (type === 'companion:ready') {
      return action.setPopup({ tabId, popup: '' });
    }
    if (type === 'companion:load-sidebar') {
      return browser.scripting
        .executeScript({ target: { tabId, frameIds: [0] }, files: ['/sidebar.js'] })
        .then(() => true);
    }
  });

  // "Find in transcript" on selected text of the episode pages (Firefox's `menus` under its alias).
  const menus = browser.contextMenus;
  void registerFindMenu(menus);
  const findInTranscript = (
    info: Parameters<typeof handleFindInTranscript>[0],
    tab: Parameters<typeof handleFindInTranscript>[1],
  ) =>
    handleFindInTranscript(info, tab, (id, message) =>
      browser.tabs.sendMessage(id, message, { frameId: 0 }),
    );
  menus.onClicked.addListener((info, tab) => void findInTranscript(info, tab));
  // The browser tests call the handler here, as a headless browser has no context menu to click.
  // Only the extension's own pages can reach the worker's global scope.
  (globalThis as Record<string, unknown>).__companionFindInTranscript = findInTranscript;

  // The toolbar button, and its shortcut (`_execute_action` clicks it), on an episode page (where
  // the popup is switched off) toggles the sidebar.
  const onToolbarClick = (tab: { id?: number }) => {
    if (tab.id === undefined) return Promise.resolve();
    return browser.tabs
      .sendMessage(tab.id, { type: 'companion:toggle' } satisfies CompanionMessage)
      .catch(() => {
        // The page went away or is not an episode page any more: offer the pages again.
        if (tab.id !== undefined) return action.setPopup({ tabId: tab.id, popup: 'popup.html' });
      });
  };
  action.onClicked.addListener((tab) => void onToolbarClick(tab));
  // Headless browsers have no toolbar to click: the browser tests call the handler here.
  (globalThis as Record<string, unknown>).__companionToolbarClick = onToolbarClick;
});
