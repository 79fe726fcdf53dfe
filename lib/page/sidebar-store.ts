/**
 * The sidebar's state and actions, apart from the view: which tab is shown, the search and its
 * active result, and which sentence the transcript should bring into view. Components read it
 * through `subscribe`/`get` and call the actions; nothing here knows about Preact or the DOM.
 */

export const TABS = ['transcript', 'people', 'links', 'saved'] as const;
export type TabId = (typeof TABS)[number];

export const TAB_LABELS: Record<TabId, string> = {
  transcript: 'Transcript',
  people: 'People',
  links: 'Links',
  saved: 'Saved',
};

/** The fields of a search hit the sidebar relies on (`SearchHit` of lib/transcript-search.ts). */
export interface Hit {
  turn: number;
  sentence: number;
  speaker: string;
  start: number;
  text: string;
  highlights: Array<[number, number]>;
  corrections: Array<{ heard: string; meant: string }>;
}

/** A sentence to scroll to and flash; `nonce` makes a repeated request for the same one count. */
export interface TranscriptTarget {
  turn: number;
  sentence: number;
  nonce: number;
}

export interface SidebarState<H extends Hit = Hit> {
  tab: TabId;
  query: string;
  hits: H[];
  /** Index of the active result, -1 when there is none. */
  active: number;
  target: TranscriptTarget | undefined;
  /** The query waits for the search engine, still loading: no results yet, and none missing. */
  pending: boolean;
}

export const RESULT_LIMIT = 50;

/**
 * `search` returns `undefined` while its engine is still loading; the query waits, and `refresh()`
 * runs it once the engine is there.
 */
export function createSidebarStore<H extends Hit>(
  search: (query: string, limit: number) => H[] | undefined,
) {
  let state: SidebarState<H> = {
    tab: 'transcript',
    query: '',
    hits: [],
    active: -1,
    target: undefined,
    pending: false,
  };
  let nonce = 0;
  const listeners = new Set<() => void>();
  const set = (change: Partial<SidebarState<H>>) => {
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  };

  const setQuery = (query: string) => {
    const hits = query.trim() ? search(query, RESULT_LIMIT) : [];
    if (!hits) set({ query, hits: [], active: -1, pending: true });
    else set({ query, hits, active: hits.length ? 0 : -1, pending: false });
  };
  const showInTranscript = (turn: number, sentence: number) =>
    set({ tab: 'transcript', target: { turn, sentence, nonce: ++nonce } });

  return {
    get: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    selectTab(tab: TabId) {
      if (tab !== state.tab) set({ tab });
    },
    /** Tab after `from` in `direction` (wrapping), for arrow keys in the tab list. */
    neighbourTab(from: TabId, direction: 1 | -1): TabId {
      const index = TABS.indexOf(from);
      return TABS[(index + direction + TABS.length) % TABS.length]!;
    },
    setQuery,
    /** Runs a query that waited for the engine. */
    refresh() {
      if (state.pending) setQuery(state.query);
    },
    clearQuery() {
      if (state.query || state.hits.length || state.pending)
        set({ query: '', hits: [], active: -1, pending: false });
    },
    /** ↑/↓ through the results, wrapping at both ends. */
    moveActive(delta: 1 | -1) {
      const count = state.hits.length;
      if (!count) return;
      const from = state.active < 0 ? (delta > 0 ? -1 : 0) : state.active;
      set({ active: (from + delta + count) % count });
    },
    setActive(index: number) {
      if (index >= 0 && index < state.hits.length && index !== state.active) set({ active: index });
    },
    /** Shows the result in the transcript; returns it so the caller can seek the player too. */
    openHit(index = state.active): H | undefined {
      const hit = state.hits[index];
      if (!hit) return undefined;
      state = { ...state, active: index };
      showInTranscript(hit.turn, hit.sentence);
      return hit;
    },
    showInTranscript,
  };
}

export type SidebarStore<H extends Hit = Hit> = ReturnType<typeof createSidebarStore<H>>;

/** Splits `text` into plain and marked runs from `[start, end)` ranges (clamped, merged, sorted). */
export function markRuns(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
): Array<{ text: string; marked: boolean }> {
  const clean = ranges
    .map(
      ([a, b]) =>
        [Math.max(0, Math.min(a, text.length)), Math.max(0, Math.min(b, text.length))] as const,
    )
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const runs: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [a, b] of clean) {
    if (b <= at) continue;
    const from = Math.max(a, at);
    if (from > at) runs.push({ text: text.slice(at, from), marked: false });
    const last = runs[runs.length - 1];
    // Touching or overlapping ranges become one mark.
    if (last?.marked && from === at) last.text += text.slice(from, b);
    else runs.push({ text: text.slice(from, b), marked: true });
    at = b;
  }
  if (at < text.length) runs.push({ text: text.slice(at), marked: false });
  return runs;
}
