/**
 * Which tab the panel accompanies: the one named by `?tab=<id>`, or else the window's active tab,
 * followed as the listener switches tabs.
 */
export function followTab(show: (tabId: number | undefined) => void): void {
  const named = new URLSearchParams(window.location.search).get('tab');
  if (named !== null) {
    const tabId = Number(named);
    show(Number.isInteger(tabId) && tabId >= 0 ? tabId : undefined);
    return;
  }
  let windowId: number | undefined;
  let shown: number | undefined;
  // A switch of tab while the first question is out wins over its (older) answer.
  let switched = false;
  const showTab = (tabId: number | undefined) => {
    if (tabId === shown) return;
    shown = tabId;
    show(tabId);
  };
  void browser.windows.getCurrent().then((win) => {
    windowId = win.id;
    return browser.tabs.query({ active: true, windowId }).then(([tab]) => {
      if (!switched) showTab(tab?.id);
    });
  });
  browser.tabs.onActivated.addListener((info) => {
    // Until this panel knows its window, another window's switches are not its own.
    if (windowId === undefined || info.windowId !== windowId) return;
    switched = true;
    showTab(info.tabId);
  });
}
