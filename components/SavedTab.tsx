import { useRef, useState } from 'preact/hooks';
import type { Episode } from '@/lib/episode/schema';
import { resolveQuote } from '@/lib/favourites/episode';
import {
  type Favourite,
  favouriteId,
  type LinkFavourite,
  type QuoteFavourite,
} from '@/lib/favourites/schema';
import {
  type FavouritesStore,
  getFavouritesStore,
  type SavedFavourite,
} from '@/lib/favourites/store';
import { formatTime } from '@/lib/time';
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

const shortText = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** The listener's saved links and quotes, newest first, with remove/undo, export and import. */
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

  const links = state.items.filter(
    (i): i is SavedFavourite & { record: LinkFavourite } => i.record.kind === 'link',
  );
  const quotes = state.items.filter(
    (i): i is SavedFavourite & { record: QuoteFavourite } => i.record.kind === 'quote',
  );

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

      {links.length > 0 && (
        <section aria-labelledby="saved-links">
          <Heading id="saved-links" class="group-heading">
            Links ({links.length})
          </Heading>
          <ul class="saved-list">
            {links.map(({ key, record, areas }) => (
              <li key={key} class="saved-item" data-key={key}>
                <a href={record.url} target="_blank" rel="noopener noreferrer" class="link-title">
                  {record.title}
                </a>
                <p class="saved-meta">
                  {record.source === 'official' ? 'Official link' : 'From the show notes'} · saved{' '}
                  {new Date(record.savedAt).toLocaleDateString()}
                  {!areas.includes('sync') && ' · on this device only'}
                </p>
                <button
                  type="button"
                  class="text-button saved-remove"
                  aria-label={`Remove ${record.title}`}
                  onClick={trusted(() => void remove({ key, record, areas }, `“${record.title}”`))}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {quotes.length > 0 && (
        <section aria-labelledby="saved-quotes">
          <Heading id="saved-quotes" class="group-heading">
            Quotes ({quotes.length})
          </Heading>
          <ul class="saved-list">
            {quotes.map(({ key, record, areas }) => {
              const shown = resolveQuote(record, episode);
              const time = formatTime(shown.start);
              return (
                <li key={key} class="saved-item saved-quote" data-key={key}>
                  <blockquote class="quote-text">{shown.text}</blockquote>
                  <p class="saved-meta">
                    {shown.speakerName} · {time}
                    {!areas.includes('sync') && ' · on this device only'}
                    {episode && !shown.resolved && ' · no longer in the transcript, shown as saved'}
                  </p>
                  <p class="saved-actions">
                    <button
                      type="button"
                      class="time"
                      aria-label={`Play from ${time}`}
                      onClick={() => onPlayQuote(shown.start)}
                    >
                      <span class="time-icon" aria-hidden="true" />
                      {time}
                    </button>
                    {onOpenQuote && shown.resolved && (
                      <button
                        type="button"
                        class="text-button"
                        aria-label={`Show in transcript: ${shortText(shown.text)}`}
                        onClick={() => onOpenQuote(shown.turn, shown.sentence)}
                      >
                        Show in transcript
                      </button>
                    )}
                    <button
                      type="button"
                      class="text-button saved-remove"
                      aria-label={`Remove quote: ${shortText(shown.text)}`}
                      onClick={trusted(
                        () =>
                          void remove(
                            { key, record, areas },
                            `the quote “${shortText(shown.text)}”`,
                          ),
                      )}
                    >
                      Remove
                    </button>
                  </p>
                </li>
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
