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
import { EPISODE_PAGES } from '@/lib/page/episode-pages';
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
/** The tab shown and its companion, once rendered: "Find in transcript" searches there. */
let shownTab: number | undefined;
let companion: SidebarHandle | undefined;

/** Takes the tab's waiting "Find in transcript" query, if any, from the background. */
function takeFind(tabId: number, handle: SidebarHandle) {
  void browser.runtime
    .sendMessage({ type: 'companion:take-find', tabId } satisfies CompanionMessage)
    .then((query: unknown) => {
      if (typeof query === 'string' && query && shownTab === tabId) handle.search(query);
    })
    .catch(() => {});
}

// "Find in transcript" while the panel is already open for that tab.
browser.runtime.onMessage.addListener((raw: unknown) => {
  const message = raw as CompanionMessage | undefined;
  if (message?.type !== 'companion:find' || message.tabId !== shownTab) return;
  if (companion && shownTab !== undefined) takeFind(shownTab, companion);
});

function showPages() {
  render(<PagesPopup inPanel />, app);
}

function show(tabId: number | undefined) {
  connection?.close();
  connection = undefined;
  shownTab = tabId;
  companion = undefined;
  if (tabId === undefined) return showPages();
  const onReady = (handle: SidebarHandle) => {
    companion = handle;
    takeFind(tabId, handle);
  };
  connection = connectToTab(
    tabId,
    linkPlayer,
    {
      onPage(page) {
        if (!painted) {
          painted = true;
          // The frame that shows the first render has been painted: the benchmark's mark.
          requestAnimationFrame(() =>
            setTimeout(() => performance.mark('episode-companion:transcript-painted'), 0),
          );
        }
        // A new connection (the page reloaded) is a new page: the companion starts afresh for it.
        render(null, app);
        render(
          <Companion episode={episode} page={page} surface={surface} onReady={onReady} />,
          app,
        );
      },
      onGone: showPages,
    },
    expectedPage(tabId),
  );
}

/**
 * The page Chrome's per-tab panel was opened for (`&page=`, set with the tab's panel by the
 * background), as its canonical address: the companion is drawn for it before the page answers.
 */
function expectedPage(tabId: number) {
  const params = new URLSearchParams(window.location.search);
  if (params.get('tab') !== String(tabId)) return undefined;
  const page = EPISODE_PAGES.find((p) => p.kind === params.get('page'));
  return page && { type: 'hello' as const, kind: page.kind, url: page.url };
}

followTab(show);
