/**
 * The background's decisions, apart from the browser APIs it drives (passed in, so unit tests
 * run it with fakes): where the companion may appear, and how each way of asking opens it.
 *
 * - An episode page's content script announces its tab; only then is the side panel enabled for
 *   that tab (Chrome: a per-tab panel bound to it with `?tab=`; it is disabled everywhere else),
 *   and only then does the toolbar button open the companion instead of the pages popup.
 * - Every request is checked against the sender: our own extension, a tab's top frame, and an
 *   address that is one of the two episode pages. Host access is granted per site, so another
 *   page of the same sites runs no content script of ours, and is refused here all the same.
 * - The native panel is opened at once inside the click's handler (the browser allows it only
 *   there). Where the browser has no panel to open from a page's click (Firefox), or none at all
 *   (Firefox for Android), the content script opens the in-page sheet instead.
 */
import { type EpisodePageKind, episodePageKind, isEpisodePage } from './episode-pages';
import type { CompanionMessage } from './messages';

export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface PanelApis {
  extensionId: string;
  /** The address the extension's own pages start with (`chrome-extension://<id>/`). */
  pagesOrigin?: string;
  /** Chrome's `sidePanel` (Chrome 116+), when there is one. */
  sidePanel?: {
    setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
    open(options: { tabId: number }): Promise<void>;
  };
  /** Firefox's `sidebarAction`, when there is one (desktop Firefox). */
  sidebarAction?: { open(): Promise<void> };
  /** Shows the toolbar button's popup on a tab ('' off: the click opens the companion). */
  setPopup(tabId: number, popup: string): Promise<void>;
  sendToTab(tabId: number, message: CompanionMessage): Promise<unknown>;
  /** Sends to the extension's own pages (the side panel). */
  broadcast(message: CompanionMessage): Promise<unknown>;
  /** Injects the in-page sheet into the tab's top frame. */
  injectSheet?(tabId: number): Promise<unknown>;
}

export const PANEL_PATH = 'sidepanel.html';
export const POPUP_PATH = 'popup.html';

/** The tab of a sender that is our content script on an episode page, else undefined. */
/**
 * The panel's address for an episode tab: the tab it is bound to, and which of the two pages the
 * tab shows, so the panel can draw the companion before the page's content script answers.
 */
export function panelPath(tabId: number, kind: EpisodePageKind | undefined): string {
  return kind ? `${PANEL_PATH}?tab=${tabId}&page=${kind}` : `${PANEL_PATH}?tab=${tabId}`;
}

export function episodeTabOf(sender: Sender, extensionId: string): number | undefined {
  const tabId = sender.tab?.id;
  if (sender.id !== extensionId || tabId === undefined || tabId < 0) return undefined;
  if (sender.frameId !== 0) return undefined;
  const url = sender.url ?? sender.tab?.url;
  return url && isEpisodePage(url) ? tabId : undefined;
}

export function createPanelRouter(api: PanelApis) {
  /** "Find in transcript" queries waiting for the panel of their tab to ask for them. */
  const pendingFind = new Map<number, string>();

  /** Opens the companion for an episode tab; must run synchronously inside a user's click. */
  const open = (tabId: number): Promise<unknown> => {
    if (api.sidePanel) return api.sidePanel.open({ tabId });
    if (api.sidebarAction) return api.sidebarAction.open();
    return api.sendToTab(tabId, { type: 'companion:open-sheet' });
  };

  return {
    /** Once at start: the panel is enabled on the episode tabs only. */
    start(): Promise<unknown> {
      return api.sidePanel?.setOptions({ enabled: false }) ?? Promise.resolve();
    },

    onMessage(message: CompanionMessage | undefined, sender: Sender): Promise<unknown> | undefined {
      if (message?.type === 'companion:take-find') {
        // Only the extension's own pages (the panel) ask: in the side panel they have no tab of
        // their own; opened as a tab (the `?tab=` seam), their address is the extension's.
        const ownPage =
          !sender.tab || (!!api.pagesOrigin && !!sender.url?.startsWith(api.pagesOrigin));
        if (sender.id !== api.extensionId || !ownPage) return undefined;
        const query = pendingFind.get(message.tabId);
        pendingFind.delete(message.tabId);
        return Promise.resolve(query);
      }
      const tabId = episodeTabOf(sender, api.extensionId);
      if (tabId === undefined) return undefined;
      switch (message?.type) {
        case 'companion:ready':
          return Promise.all([
            api.sidePanel?.setOptions({
              tabId,
              path: panelPath(tabId, episodePageKind(sender.url ?? sender.tab?.url ?? '')),
              enabled: true,
            }),
            api.setPopup(tabId, ''),
          ]);
        case 'companion:open-panel':
          return open(tabId);
        case 'companion:load-sheet':
          return api.injectSheet?.(tabId).then(() => true);
        default:
          return undefined;
      }
    },

    /** The toolbar button or its shortcut, on a tab whose popup is off (an episode page). */
    onToolbarClick(tab: { id?: number }): Promise<unknown> {
      if (tab.id === undefined) return Promise.resolve();
      const tabId = tab.id;
      return open(tabId).catch(() =>
        // Not an episode page any more (or the panel is not allowed there): the pages again.
        api.setPopup(tabId, POPUP_PATH),
      );
    },

    /** "Find in transcript" chose `query` on a tab: on an episode page, the companion searches. */
    find(tab: { id?: number; url?: string }, query: string): Promise<unknown> {
      const tabId = tab.id;
      if (tabId === undefined || !tab.url || !isEpisodePage(tab.url)) return Promise.resolve();
      // No panel to open: the in-page sheet opens on the query.
      if (!api.sidePanel && !api.sidebarAction)
        return api.sendToTab(tabId, { type: 'companion:find', query });
      pendingFind.set(tabId, query);
      const opening = open(tabId);
      return Promise.all([
        opening,
        api.broadcast({ type: 'companion:find', tabId, query }).catch(() => undefined),
      ]);
    },

    /**
     * A tab's page changed: away from the episode pages, the panel is off there again. An address
     * the browser withholds (no host access: every tab in Chrome, which grants this extension none)
     * changes nothing: turning the panel off would close it on every reload of the episode page,
     * and a panel beside a page that is no episode page shows the way to them.
     */
    onTabUpdated(tabId: number, url: string | undefined): Promise<unknown> | undefined {
      if (!url || isEpisodePage(url)) return undefined;
      pendingFind.delete(tabId);
      return api.sidePanel?.setOptions({ tabId, enabled: false });
    },
  };
}
