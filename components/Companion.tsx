/**
 * The companion as a surface mounts it: the sidebar for one episode page, with its store and its
 * search. Shared by the browser's side panel and the in-page sheet.
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { Episode } from '@/lib/episode/schema';
import type { PageLink } from '@/lib/listen/page-link';
import { createSidebarStore } from '@/lib/page/sidebar-store';
import type { createEpisodeSearch } from '@/lib/search/episode-search';
import { QuoteSource } from './CopyQuote';
import { lazyModule, useLazyModule, whenIdle } from './lazy';
import { Sidebar, type SidebarHandle, type SidebarSurface } from './Sidebar';

interface CompanionProps {
  episode: Episode;
  page: PageLink;
  surface: SidebarSurface;
  onReady?: (handle: SidebarHandle) => void;
}

/**
 * The search engine (fuse.js, the glossary and its schema) is not needed for the first paint, but
 * soon after: its fetch starts as this module is evaluated, alongside the first render, rather than
 * after it, so a listener who types at once waits for less.
 */
const episodeSearch = lazyModule(() => import('@/lib/search/episode-search'));
// A failure is shown by the companion (useLazyModule below), not here.
episodeSearch.load().catch(() => undefined);

export function Companion({ episode, page, surface, onReady }: CompanionProps) {
  const { engine, store } = useMemo(() => {
    let engine: ReturnType<typeof createEpisodeSearch> | undefined;
    const build = () => {
      const module = episodeSearch.now();
      if (module) engine ??= module.createEpisodeSearch(episode);
      return engine;
    };
    const store = createSidebarStore((query, limit) => {
      const ready = build();
      // A query typed before the engine has loaded waits for it.
      if (!ready)
        episodeSearch.load().then(
          () => store.refresh(),
          () => undefined, // shown below
        );
      return ready?.search(query, limit);
    });
    return { engine: build, store };
  }, [episode]);
  // The engine is loaded once the transcript is on screen and its index built in idle time, so
  // neither the first paint nor the first keystroke waits for it.
  useEffect(() => {
    let cancel = () => {};
    let live = true;
    episodeSearch.load().then(
      () => {
        if (live) cancel = whenIdle(() => engine()?.warm());
      },
      () => undefined, // shown below
    );
    return () => {
      live = false;
      cancel();
    };
  }, [engine]);
  const quoteSource = useMemo(
    () => ({
      show: episode.show.title,
      timeParam: episode.episode.timeParam,
      // Read when a quote is copied: a panel drawn before the page answered learns its address
      // (with its query string) a moment later.
      get pageUrl() {
        return page.url;
      },
    }),
    [episode, page],
  );
  const search = useLazyModule(episodeSearch);
  return (
    <QuoteSource.Provider value={quoteSource}>
      {search instanceof Error && (
        <p class="notice notice-error" role="alert">
          Search could not be loaded ({search.message}). Reloading the page may help.
        </p>
      )}
      <Sidebar episode={episode} store={store} page={page} surface={surface} onReady={onReady} />
    </QuoteSource.Provider>
  );
}
