import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { chapterOfTurn } from '@/lib/episode/chapters';
import type { Chapter, Episode } from '@/lib/episode/schema';
import type { PageLink } from '@/lib/listen/page-link';
import type { Hit, SidebarState, SidebarStore, TabId } from '@/lib/page/sidebar-store';
import { BackToNow } from './BackToNow';
import { Chapters, useCurrentChapter } from './Chapters';
import { CopyStatus } from './CopyQuote';
import { Downloads } from './Downloads';
import { KeyboardHelp } from './KeyboardHelp';
import { lazyModule, loadFailure, useLazyModule, whenIdle } from './lazy';
import { PeopleView } from './PeopleView';
import { ResizeHandle } from './ResizeHandle';
import { SearchPanel } from './SearchPanel';
import { TabList, TabPanel } from './Tabs';
import { TranscriptView } from './TranscriptView';
import { useListenAlong } from './useListenAlong';

/**
 * What the surface showing the companion lets it do. The browser's side panel has its own width
 * and close button, so it offers neither; the in-page sheet offers both.
 */
export interface SidebarSurface {
  width?(): number;
  setWidth?(width: number): void;
  close?(): void;
}

export interface SidebarHandle {
  focus(): void;
  focusSearch(): void;
  /** Shows the transcript search for `query` (the page's "Find in transcript" menu item). */
  search(query: string): void;
}

interface SidebarProps {
  episode: Episode;
  store: SidebarStore;
  /** The episode page the companion accompanies: its player, its address, its transcript. */
  page: PageLink;
  surface: SidebarSurface;
  onReady?: (handle: SidebarHandle) => void;
}

// Not needed for the first paint (they bring the favourites store, its schema and the links'
// groups): loaded after it.
const lineActions = lazyModule(() => import('./LineActions'));
const savedTab = lazyModule(() => import('./SavedTab'));
const linksView = lazyModule(() => import('./LinksView'));

function useStoreState(store: SidebarStore): SidebarState {
  const [state, setState] = useState(store.get());
  useEffect(() => store.subscribe(() => setState(store.get())), [store]);
  return state;
}

export function Sidebar({ episode, store, page, surface, onReady }: SidebarProps) {
  const { player } = page;
  const state = useStoreState(store);
  const [width, setWidth] = useState(surface.width?.());
  // Panels are built the first time they are shown (then kept), so opening only builds the
  // transcript.
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set([state.tab]));
  if (!visited.has(state.tab)) setVisited(new Set([...visited, state.tab]));
  const searchRef = useRef<HTMLInputElement>(null);
  const asideRef = useRef<HTMLElement>(null);
  const helpRef = useRef<HTMLDetailsElement>(null);
  const transcriptRef = useRef<HTMLOListElement>(null);
  const actionsModule = useLazyModule(lineActions);
  const linksModule = useLazyModule(linksView, visited.has('links'));
  const savedModule = useLazyModule(savedTab, visited.has('saved'));
  const LineActions = actionsModule instanceof Error ? undefined : actionsModule?.LineActions;
  const LinksView = linksModule instanceof Error ? undefined : linksModule?.LinksView;
  const SavedTab = savedModule instanceof Error ? undefined : savedModule?.SavedTab;
  const failed = [actionsModule, linksModule, savedModule].find((m) => m instanceof Error);
  // The other tabs' code is fetched while the listener reads, so a tab opens without a wait.
  useEffect(
    () =>
      whenIdle(() => {
        void linksView.load();
        void savedTab.load();
      }),
    [],
  );
  const along = useListenAlong({ episode, page, rootRef: asideRef, helpRef });
  const speakers = useMemo(() => new Map(episode.people.map((p) => [p.id, p.name])), [episode]);
  const chapters = episode.chapters ?? NO_CHAPTERS;
  const currentChapter = useCurrentChapter(chapters, player);
  const chapterTitle = useCallback(
    (turn: number) => chapters[chapterOfTurn(chapters, turn)]?.title,
    [chapters],
  );

  const seek = useCallback((seconds: number) => player.current().seek(seconds), [player]);
  const { pauseFollowing, openSentence } = along;
  /** Shows the chapter's first turn and, with a player on the page, plays from there. */
  const chooseChapter = useCallback(
    (chapter: Chapter) => {
      store.showInTranscript(chapter.turn, 0);
      openSentence(chapter.turn, 0);
    },
    [store, openSentence],
  );
  const showInTranscript = useCallback(
    (turn: number, sentence: number) => {
      pauseFollowing();
      store.showInTranscript(turn, sentence);
    },
    [store, pauseFollowing],
  );
  const showTurn = useCallback((turn: number) => showInTranscript(turn, 0), [showInTranscript]);
  // Browsing results should not open tabs: without a player on the page, only time buttons do.
  const openHit = useCallback(
    (hit: Hit) => along.openSentence(hit.turn, hit.sentence),
    [along.openSentence],
  );

  useEffect(() => {
    onReady?.({
      focus: () => searchRef.current?.focus(),
      focusSearch: () => {
        searchRef.current?.focus();
        searchRef.current?.select();
      },
      search: (query) => {
        store.setQuery(query);
        searchRef.current?.focus();
      },
    });
  }, [onReady, store]);

  const resize = (next: number) => {
    surface.setWidth?.(next);
    setWidth(surface.width?.());
  };
  useEffect(() => {
    if (!surface.width) return;
    const onWindowResize = () => setWidth(surface.width?.());
    window.addEventListener('resize', onWindowResize);
    return () => window.removeEventListener('resize', onWindowResize);
  }, [surface]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (along.onKeyDown(event)) return;
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)
      return;
    event.preventDefault();
    searchRef.current?.focus();
    searchRef.current?.select();
  };

  const { season, number, title } = episode.episode;
  return (
    <aside ref={asideRef} class="sidebar" aria-label="Episode companion" onKeyDown={onKeyDown}>
      {width !== undefined && <ResizeHandle width={width} onResize={resize} />}
      <header class="sidebar-head">
        <div class="titles">
          <p class="eyebrow">
            {episode.show.title} · S{season} E{number}
          </p>
          <h2 class="title">{shortTitle(title)}</h2>
        </div>
        {surface.close && (
          <button
            type="button"
            class="icon-button close"
            aria-label="Close episode companion"
            title="Close (Alt+Shift+E)"
            onClick={() => surface.close?.()}
          >
            <span class="close-icon" aria-hidden="true" />
          </button>
        )}
      </header>
      <SearchPanel
        state={state}
        store={store}
        speakerName={(id) => speakers.get(id) ?? id}
        chapterTitle={chapterTitle}
        onOpen={openHit}
        inputRef={searchRef}
      />
      <TabList
        selected={state.tab}
        onSelect={store.selectTab}
        counts={{
          people: episode.people.length,
          links: episode.links.length + episode.officialLinks.length,
        }}
      />
      <div class="panels">
        <TabPanel tab="transcript" selected={state.tab}>
          <div class="transcript-bar">
            <Chapters chapters={chapters} current={currentChapter} onChoose={chooseChapter} />
            <Downloads episode={episode} />
          </div>
          <TranscriptView
            episode={episode}
            onSeek={seek}
            target={state.target}
            listRef={transcriptRef}
          />
          {LineActions && <LineActions episode={episode} listRef={transcriptRef} />}
          <BackToNow visible={along.showBackToNow} onClick={along.backToNow} />
        </TabPanel>
        <TabPanel tab="people" selected={state.tab}>
          {visited.has('people') && <PeopleView people={episode.people} />}
        </TabPanel>
        <TabPanel tab="links" selected={state.tab}>
          {visited.has('links') && LinksView && (
            <LinksView episode={episode} onShowTurn={showTurn} />
          )}
        </TabPanel>
        <TabPanel tab="saved" selected={state.tab}>
          {visited.has('saved') && SavedTab && (
            <SavedTab episode={episode} onPlayQuote={seek} onOpenQuote={showInTranscript} />
          )}
        </TabPanel>
      </div>
      {failed instanceof Error && (
        <p class="notice notice-error" role="alert">
          {loadFailure(failed)}
        </p>
      )}
      <KeyboardHelp detailsRef={helpRef} />
      <CopyStatus />
    </aside>
  );
}

const NO_CHAPTERS: readonly Chapter[] = [];

/** "Rust for Linux with Alice Ryhl and Greg Kroah-Hartman" → "Rust for Linux": names are in People. */
function shortTitle(title: string): string {
  return title.split(/\s+with\s+/)[0] ?? title;
}
