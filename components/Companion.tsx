/**
 * The companion as a surface mounts it: the sidebar for one episode page, with its store and its
 * search. Shared by the browser's side panel and the in-page sheet.
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { Episode } from '@/lib/episode/schema';
import type { PageLink } from '@/lib/listen/page-link';
import { createSidebarStore } from '@/lib/page/sidebar-store';
import { createEpisodeSearch } from '@/lib/search/episode-search';
import { QuoteSource } from './CopyQuote';
import { Sidebar, type SidebarHandle, type SidebarSurface } from './Sidebar';

interface CompanionProps {
  episode: Episode;
  page: PageLink;
  surface: SidebarSurface;
  onReady?: (handle: SidebarHandle) => void;
}

export function Companion({ episode, page, surface, onReady }: CompanionProps) {
  const { engine, store } = useMemo(() => {
    let engine: ReturnType<typeof createEpisodeSearch> | undefined;
    const build = () => {
      engine ??= createEpisodeSearch(episode);
      return engine;
    };
    return {
      engine: build,
      store: createSidebarStore((query, limit) => build().search(query, limit)),
    };
  }, [episode]);
  // The search index is built once the transcript is on screen, in idle time, so neither the
  // first paint nor the first keystroke waits for it.
  useEffect(() => {
    const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
    const cancel = globalThis.cancelIdleCallback ?? clearTimeout;
    const id = idle(() => engine().warm());
    return () => cancel(id);
  }, [engine]);
  const quoteSource = useMemo(
    () => ({ show: episode.show.title, timeParam: episode.episode.timeParam, pageUrl: page.url }),
    [episode, page],
  );
  return (
    <QuoteSource.Provider value={quoteSource}>
      <Sidebar episode={episode} store={store} page={page} surface={surface} onReady={onReady} />
    </QuoteSource.Provider>
  );
}
