import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type Hit,
  RESULT_LIMIT,
  type SidebarState,
  type SidebarStore,
} from '@/lib/page/sidebar-store';
import { formatTime } from '@/lib/time';
import { CopyQuote } from './CopyQuote';
import { Marked } from './Marked';

interface SearchPanelProps {
  state: SidebarState;
  store: SidebarStore;
  speakerName: (id: string) => string;
  /** Title of the chapter a turn belongs to. */
  chapterTitle?: (turn: number) => string | undefined;
  onOpen: (hit: Hit) => void;
  inputRef: Ref<HTMLInputElement>;
}

const hitId = (index: number) => `search-hit-${index}`;

/** The search box and its results; ↑/↓ move through them, Enter opens one, Esc clears. */
export function SearchPanel({
  state,
  store,
  speakerName,
  chapterTitle,
  onOpen,
  inputRef,
}: SearchPanelProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const { query, hits, active, pending } = state;
  const searching = query.trim().length > 0;

  useEffect(() => {
    if (active < 0) return;
    listRef.current?.querySelector(`#${hitId(active)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  // Announced once typing pauses, so a screen reader is not talked over at every key.
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const message =
      !searching || pending
        ? ''
        : hits.length === 0
          ? `No results for ${query.trim()}`
          : `${hits.length === 1 ? '1 result' : `${hits.length} results`} for ${query.trim()}`;
    const timer = setTimeout(() => setAnnouncement(message), 400);
    return () => clearTimeout(timer);
  }, [searching, hits, query, pending]);

  const open = (index: number) => {
    const hit = store.openHit(index);
    if (hit) onOpen(hit);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!hits.length) return;
      event.preventDefault();
      store.moveActive(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active >= 0) open(active);
    } else if (event.key === 'Escape') {
      if (query) {
        event.preventDefault();
        store.clearQuery();
      }
    }
  };

  return (
    <div class="search">
      <div class="search-field">
        <span class="search-icon" aria-hidden="true" />
        <input
          ref={inputRef}
          type="search"
          class="search-input"
          aria-label="Search transcript"
          placeholder="Search the conversation"
          autocomplete="off"
          spellcheck={false}
          value={query}
          aria-controls={searching ? 'search-results' : undefined}
          aria-activedescendant={active >= 0 ? hitId(active) : undefined}
          onInput={(event) => store.setQuery(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <span class="search-key" aria-hidden="true">
          /
        </span>
      </div>
      <p class="sr-only" aria-live="polite">
        {announcement}
      </p>
      {searching && hits.length > 0 && (
        <>
          <p class="results-count" aria-hidden="true">
            {hits.length === 1
              ? '1 result'
              : hits.length >= RESULT_LIMIT
                ? `Best ${hits.length} results`
                : `${hits.length} results`}{' '}
            · ↑↓ to move, Enter to open
          </p>
          <ul ref={listRef} id="search-results" class="results" aria-label="Search results">
            {hits.map((hit, index) => (
              <li
                key={`${hit.turn}-${hit.sentence}`}
                id={hitId(index)}
                class={index === active ? 'result is-active' : 'result'}
                aria-current={index === active ? 'true' : undefined}
              >
                <button
                  type="button"
                  class="result-button"
                  tabIndex={-1}
                  onClick={() => open(index)}
                  onMouseMove={() => store.setActive(index)}
                >
                  <span class="result-meta">
                    <span class="result-speaker">{speakerName(hit.speaker)}</span>
                    <span class="result-time">{formatTime(hit.start)}</span>
                    {chapterTitle?.(hit.turn) && (
                      <span class="result-chapter">
                        <span class="sr-only">, chapter: </span>
                        {chapterTitle(hit.turn)}
                      </span>
                    )}
                  </span>
                  <span class="result-text">
                    <Marked text={hit.text} ranges={hit.highlights} />
                  </span>
                  {hit.corrections.map((c) => (
                    <span key={`${c.heard}-${c.meant}`} class="correction">
                      {c.heard} → {c.meant}
                    </span>
                  ))}
                </button>
                <CopyQuote
                  text={hit.text}
                  speaker={speakerName(hit.speaker)}
                  seconds={hit.start}
                  describedBy={hitId(index)}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {searching && hits.length === 0 && !pending && (
        <div class="no-results">
          <p class="no-results-title">No results for “{query.trim()}”</p>
          <p class="no-results-hint">
            Try fewer or other words: a name (Greg, Tokio), a topic (USB, clippy) or a phrase you
            remember. Small typos are forgiven.
          </p>
        </div>
      )}
    </div>
  );
}
