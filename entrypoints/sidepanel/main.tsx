/**
 * The companion in the browser's own side panel (Chrome's `side_panel`, Firefox's
 * `sidebar_action`). It shows the companion for one episode tab and reaches that tab's player and
 * text through the tab's content script. `?tab=<id>` names the tab (Chrome's per-tab panel is
 * opened with it, and browser tests open the panel as a page with it); without it the panel
 * follows the window's active tab (Firefox's sidebar is one per window). Away from the episode
 * pages it shows the way to them.
 */
import '@/components/theme.css';
import '@/components/base.css';
import '@/components/sidebar.css';
import '@/components/favourites.css';
import '@/components/listen-along.css';
import '@/components/chapters.css';
import '@/entrypoints/popup/popup.css';
import './sidepanel.css';
import { render } from 'preact';
import { Companion } from '@/components/Companion';
import { PagesPopup } from '@/components/PagesPopup';
import type { SidebarHandle } from '@/components/Sidebar';
import { loadEpisode } from '@/lib/episode/packaged';
import { createLinkPlayerPort } from '@/lib/listen/player-port';
import type { CompanionMessage } from '@/lib/page/messages';
import { connectToTab, type TabConnection } from './tab-connection';
import { followTab } from './tab-follower';

performance.mark('episode-companion:panel-start');
const app = document.getElementById('app')!;
const episode = loadEpisode();
const { hostPage } = episode.episode.pages;
const linkPlayer = createLinkPlayerPort(
  hostPage,
  (url) => window.open(url, '_blank', 'noopener,noreferrer'),
  episode.episode.timeParam,
);
const surface = {};
let connection: TabConnection | undefined;
let painted = false;
/** The tab shown, and the companion's handle once it is on screen for that tab. */
let shownTab: number | undefined;
let handle: SidebarHandle | undefined;
/** A "Find in transcript" query that arrived before the companion was on screen. */
let wanted: string | undefined;

/** Asks the background for a "Find in transcript" query waiting for this tab, and searches it. */
function takeFind(tabId: number) {
  void browser.runtime
    .sendMessage({ type: 'companion:take-find', tabId } satisfies CompanionMessage)
    .then((query: unknown) => {
      if (typeof query !== 'string' || !query || tabId !== shownTab) return;
      if (handle) handle.search(query);
      else wanted = query;
    })
    .catch(() => {});
}

function onReady(ready: SidebarHandle) {
  handle = ready;
  if (wanted !== undefined) {
    ready.search(wanted);
    wanted = undefined;
  }
  if (shownTab !== undefined) takeFind(shownTab);
}

// "Find in transcript" while the panel is already open for that tab.
browser.runtime.onMessage.addListener((raw: unknown) => {
  const message = raw as CompanionMessage | undefined;
  if (message?.type === 'companion:find' && message.tabId === shownTab && shownTab !== undefined)
    takeFind(shownTab);
});

function showPages() {
  render(<PagesPopup inPanel />, app);
}

function show(tabId: number | undefined) {
  connection?.close();
  connection = undefined;
  shownTab = tabId;
  handle = undefined;
  wanted = undefined;
  if (tabId === undefined) return showPages();
  connection = connectToTab(tabId, linkPlayer, {
    onPage(page) {
      if (!painted) {
        painted = true;
        // The frame that shows the first render has been painted: the benchmark's mark.
        requestAnimationFrame(() =>
          setTimeout(() => performance.mark('episode-companion:transcript-painted'), 0),
        );
      }
      // A new connection (the page reloaded) is a new page: the companion starts afresh for it.
      handle = undefined;
      render(null, app);
      render(<Companion episode={episode} page={page} surface={surface} onReady={onReady} />, app);
    },
    onGone() {
      handle = undefined;
      showPages();
    },
  });
}

followTab(show);
