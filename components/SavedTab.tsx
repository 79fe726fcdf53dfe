import { useCallback, useRef, useState } from 'preact/hooks';
import type { Episode } from '@/lib/episode/schema';
import { resolveQuote } from '@/lib/favourites/episode';
import { filterWords, matchesFilter } from '@/lib/favourites/filter';
import { type Favourite, favouriteId } from '@/lib/favourites/schema';
import {
  type FavouritesStore,
  getFavouritesStore,
  type SavedFavourite,
} from '@/lib/favourites/store';
import { LinkItem, QuoteItem } from './SavedItem';
import { SavedNotices } from './SavedNotices';
import { SavedTransfer } from './SavedTransfer';
import { trusted } from './trusted';
import { useFavouritesState } from './useFavourites';

interface SavedTabProps {
  /** The current episode, to find quotes again; without it quotes show as stored. */
  episode?: Episode;
  store?: FavouritesStore;
  /** Plays from a quote's moment (the sidebar seeks; the options page opens the host page). */
  onPlayQuote: (seconds: number) => void;
  /** Shows the quote in the transcript (sidebar only). */
  onOpenQuote?: (turn: number, sentence: number) => void;
  /** Level of the section headings: 3 under the sidebar's title, 2 on a page of its own. */
  headingLevel?: 2 | 3;
}

interface Removed {
  record: Favourite;
  label: string;
}

/**
 * The listener's saved links, quotes and clips, newest first: each with its note, a filter over
 * them all (notes included), remove/undo, export and import.
 */
export function SavedTab({
  episode,
  store = getFavouritesStore(),
  onPlayQuote,
  onOpenQuote,
  headingLevel = 3,
}: SavedTabProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const state = useFavouritesState(store);
  // Every removal of this visit can be undone, most recent first.
  const [removedStack, setRemovedStack] = useState<Removed[]>([]);
  const removed = removedStack.at(-1);
  const [announcement, setAnnouncement] = useState('');
  // A removal or restore that storage refused: the item is still where it was, and we say so.
  const [failure, setFailure] = useState('');
  const undoButton = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);

  // Items whose note box is open: kept on screen if another tab removes them meanwhile.
  const [editing, setEditing] = useState<ReadonlyMap<string, Favourite>>(new Map());
  const onEditing = useCallback((key: string, record: Favourite | undefined) => {
    setEditing((now) => {
      const next = new Map(now);
      if (record) next.set(key, record);
      else next.delete(key);
      return next;
    });
  }, []);
  const [filter, setFilter] = useState('');
  const words = filterWords(filter);

  const listed = new Set(state.items.map((i) => i.key));
  const all: (SavedFavourite & { removedElsewhere: boolean })[] = [
    ...state.items.map((i) => ({ ...i, removedElsewhere: false })),
    ...[...editing]
      .filter(([key]) => !listed.has(key))
      .map(([key, record]) => ({ key, record, areas: [], removedElsewhere: true })),
  ];
  const resolved = new Map(
    all.flatMap((i) =>
      i.record.kind === 'quote' ? [[i.key, resolveQuote(i.record, episode)] as const] : [],
    ),
  );
  const shownItems = all.filter((i) => {
    const quote = resolved.get(i.key);
    const fields =
      i.record.kind === 'link'
        ? [i.record.title, i.record.url, i.record.note]
        : [quote?.text, quote?.speakerNames.join(' '), i.record.note];
    return matchesFilter(words, fields);
  });
  const links = shownItems.filter((i) => i.record.kind === 'link');
  const quotes = shownItems.filter((i) => i.record.kind === 'quote');

  const remove = async (item: SavedFavourite, label: string) => {
    try {
      const record = await store.remove(item.key);
      if (!record) return;
      setRemovedStack((stack) => [...stack, { record, label }]);
      setFailure('');
      setAnnouncement(`Removed ${label}.`);
      // Focus would otherwise fall to the page when the row disappears.
      requestAnimationFrame(() => undoButton.current?.focus());
    } catch (error) {
      setAnnouncement('');
      setFailure(`Could not remove ${label}: ${(error as Error).message}.`);
    }
  };

  const undo = async () => {
    if (!removed) return;
    try {
      await store.undo(removed.record);
      setFailure('');
      setAnnouncement(`Restored ${removed.label}.`);
      const restoredKey = favouriteId(removed.record);
      setRemovedStack((stack) => stack.slice(0, -1));
      // With nothing left to undo the Undo button goes: keep focus on the row that came back.
      if (removedStack.length === 1) {
        requestAnimationFrame(() =>
          root.current
            ?.querySelector<HTMLElement>(`[data-key="${CSS.escape(restoredKey)}"] .saved-remove`)
            ?.focus(),
        );
      }
    } catch (error) {
      setAnnouncement('');
      setFailure(`Could not restore ${removed.label}: ${(error as Error).message}.`);
    }
  };

  const records = state.items.map((i) => i.record);
  return (
    <div class="saved" ref={root}>
      <SavedNotices state={state} store={store} records={records} />

      {failure && (
        <p class="notice notice-error" role="alert">
          {failure}
        </p>
      )}
      <div class="saved-undo" aria-live="polite">
        {announcement && <span>{announcement} </span>}
        {removed && (
          <button
            type="button"
            ref={undoButton}
            class="text-button"
            aria-label={`Undo removing ${removed.label}`}
            onClick={trusted(() => void undo())}
          >
            Undo
          </button>
        )}
      </div>

      {!state.loaded ? (
        <p class="empty-state">Loading saved items…</p>
      ) : state.items.length === 0 ? (
        <p class="empty-state">
          Nothing saved yet. Press the star beside a link or a sentence to keep it here. Saved items
          stay in this browser
          {state.syncFallback
            ? ''
            : ' and follow you to your other browsers when browser sync is on'}
          .
        </p>
      ) : null}

      {state.items.length > 0 && (
        <div class="saved-filter">
          <input
            type="search"
            class="saved-filter-box"
            aria-label="Filter saved items"
            placeholder="Filter by title, quote, speaker or note"
            value={filter}
            onInput={(event) => setFilter(event.currentTarget.value)}
          />
          <output class="saved-meta saved-filter-count" aria-live="polite">
            {words.length === 0
              ? ''
              : shownItems.length === 0
                ? `No saved item matches “${filter.trim()}”.`
                : `Showing ${shownItems.length} of ${all.length}.`}
          </output>
        </div>
      )}

      {links.length > 0 && (
        <section aria-labelledby="saved-links">
          <Heading id="saved-links" class="group-heading">
            Links ({links.length})
          </Heading>
          <ul class="saved-list">
            {links.map((item) => (
              <LinkItem
                key={item.key}
                item={item}
                store={store}
                removedElsewhere={item.removedElsewhere}
                onRemove={(i, label) => void remove(i, label)}
                onEditing={onEditing}
              />
            ))}
          </ul>
        </section>
      )}

      {quotes.length > 0 && (
        <section aria-labelledby="saved-quotes">
          <Heading id="saved-quotes" class="group-heading">
            Quotes and clips ({quotes.length})
          </Heading>
          <ul class="saved-list">
            {quotes.map((item) => {
              const shown = resolved.get(item.key);
              return (
                shown && (
                  <QuoteItem
                    key={item.key}
                    item={item}
                    store={store}
                    removedElsewhere={item.removedElsewhere}
                    onRemove={(i, label) => void remove(i, label)}
                    onEditing={onEditing}
                    shown={shown}
                    episode={episode}
                    onPlayQuote={onPlayQuote}
                    onOpenQuote={onOpenQuote}
                  />
                )
              );
            })}
          </ul>
        </section>
      )}

      <SavedTransfer
        Heading={Heading}
        episode={episode}
        store={store}
        records={records}
        setAside={state.setAside}
        saved={new Map(state.items.map((i) => [i.key, i.record]))}
      />
    </div>
  );
}
