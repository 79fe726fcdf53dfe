/**
 * The toolbar button and the shortcut. On the episode's pages the content script announces
 * itself and the button then toggles the sidebar on that tab; everywhere else the popup offers the
 * two pages. No `tabs` permission: the tab's id comes with the message and with the click.
 */
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

  action.onClicked.addListener((tab) => {
    if (tab.id === undefined) return;
    browser.tabs
      .sendMessage(tab.id, { type: 'companion:toggle' } satisfies CompanionMessage)
      .catch(() => {
        // The page went away or is not an episode page any more: offer the pages again.
        if (tab.id !== undefined) return action.setPopup({ tabId: tab.id, popup: 'popup.html' });
      });
  });
});
