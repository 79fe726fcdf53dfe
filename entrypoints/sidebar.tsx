/**
 * The sidebar itself, injected by the background into an episode page the first time the
 * companion opens there. It renders into the shadow root the content script made and talks to
 * the content script through the host object both share in the extension's isolated world.
 */
import { render } from 'preact';
import { QuoteSource } from '@/components/CopyQuote';
import chaptersCss from '@/components/chapters.css?inline';
import favouritesCss from '@/components/favourites.css?inline';
import listenAlongCss from '@/components/listen-along.css?inline';
import { Sidebar, type SidebarHandle } from '@/components/Sidebar';
import sidebarCss from '@/components/sidebar.css?inline';
import { loadEpisode } from '@/lib/episode/packaged';
import { connectPagePlayer } from '@/lib/listen/player-media-port';
import {
  createLinkPlayerPort,
  createPlayerPortSlot,
  type PlayerPortSlot,
} from '@/lib/listen/player-port';
import { createSidebarStore } from '@/lib/page/sidebar-store';
import { createEpisodeSearch } from '@/lib/search/episode-search';
import { type CompanionHost, HOST_KEY } from './content/host-api';

/** Where the player bridge finds the slot to hand its port to (same isolated world). */
export const PLAYER_SLOT_KEY = '__rustForLinuxCompanionPlayer';

export default defineUnlistedScript(() => {
  const globals = globalThis as Record<string, unknown>;
  const host = globals[HOST_KEY] as CompanionHost | undefined;
  // Injected twice (two quick opens) or after the content script went away: nothing to do.
  if (!host || host.signal.aborted || host.container.hasChildNodes()) return;

  // Marks for the browser benchmark (they share the page's performance timeline).
  performance.mark('episode-companion:sidebar-start');
  const episode = loadEpisode();
  let engine: ReturnType<typeof createEpisodeSearch> | undefined;
  // Built on the first query, not on open, so opening paints the transcript first.
  const store = createSidebarStore((query, limit) => {
    engine ??= createEpisodeSearch(episode);
    return engine.search(query, limit);
  });
  const { hostPage } = episode.episode.pages;
  const player: PlayerPortSlot = createPlayerPortSlot(
    createLinkPlayerPort(
      hostPage,
      (url) => window.open(url, '_blank', 'noopener,noreferrer'),
      episode.episode.timeParam,
    ),
  );
  globals[PLAYER_SLOT_KEY] = player;
  // The page's own player (the show site's appears late, inside a frame the embed writes).
  connectPagePlayer(document, player, {
    signal: host.signal,
    expectedDuration: episode.episode.durationSeconds,
    exclude: (root) => root === host.shadow,
  });

  const sheets = [sidebarCss, favouritesCss, listenAlongCss, chaptersCss].map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  host.shadow.adoptedStyleSheets = [...host.shadow.adoptedStyleSheets, ...sheets];

  const onReady = (handle: SidebarHandle) => host.attach(handle);
  // The task after the next frame: the frame that shows the render has been painted. Asked for
  // before rendering, so it runs ahead of the transcript's progressive rendering.
  requestAnimationFrame(() =>
    setTimeout(() => performance.mark('episode-companion:transcript-painted'), 0),
  );
  const quoteSource = { show: episode.show.title, timeParam: episode.episode.timeParam };
  render(
    <QuoteSource.Provider value={quoteSource}>
      <Sidebar episode={episode} store={store} player={player} frame={host} onReady={onReady} />
    </QuoteSource.Provider>,
    host.container,
  );
  performance.mark('episode-companion:sidebar-rendered');
  host.signal.addEventListener('abort', () => {
    render(null, host.container);
    delete globals[PLAYER_SLOT_KEY];
  });
});
