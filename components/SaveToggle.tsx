import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Episode } from '@/lib/episode/schema';
import {
  type LineMark,
  quoteFavouriteFrom,
  savedLines,
  savedQuotePositions,
} from '@/lib/favourites/episode';
import { type Favourite, favouriteId, type QuoteFavourite, quoteId } from '@/lib/favourites/schema';
import {
  type FavouritesState,
  type FavouritesStore,
  getFavouritesStore,
} from '@/lib/favourites/store';
import { trusted } from './trusted';
import { useIsSaved } from './useFavourites';

interface SaveToggleProps {
  /** Made when pressed, so `savedAt` is the moment of saving. */
  make: () => Favourite | undefined;
  /** `kind:id` of what `make` returns. */
  favouriteKey: string;
  /** Accessible name: "Save <link title>" or "Save quote". */
  label: string;
  store?: FavouritesStore;
  class?: string;
  /** Id of the element the toggle is about (the sentence), read as its description. */
  describedBy?: string;
}

export const SYNC_FULL_MESSAGE = 'Saved on this device only: sync storage is full';
export const SYNC_UNAVAILABLE_MESSAGE = 'Saved on this device only: sync storage is not available';
export const STALE_LOCAL_COPY_MESSAGE =
  'Saved to sync. An older copy on this device could not be deleted yet; the newer one is used and the old one is tidied up later';

interface ToggleState {
  busy: boolean;
  note: string;
  /** Shown at once; storage confirms (or reverts) a moment later. */
  optimistic?: boolean;
  /** Removed with the listener's note: offered back ("Undo"), as the note is their own words. */
  removed?: Favourite;
}

/** The toggle's behaviour, shared by both stars; one state hook, no effects (hundreds exist). */
function useToggle(
  store: FavouritesStore,
  favouriteKey: string,
  saved: boolean,
  make: () => Favourite | undefined,
  onSaved?: (key: string, saving: Promise<unknown>) => void,
) {
  const [ui, setUi] = useState<ToggleState>({ busy: false, note: '' });
  const pressed = ui.optimistic ?? saved;
  const toggle = async () => {
    if (ui.busy) return;
    setUi({ busy: true, note: ui.note, optimistic: !pressed });
    let note = '';
    let removed: Favourite | undefined;
    try {
      if (pressed) {
        const record = await store.remove(favouriteKey);
        if (record?.note) {
          removed = record;
          note = 'Removed, with its note.';
        }
      } else {
        const favourite = make();
        if (!favourite) throw new Error('not found');
        const saving = store.save(favourite);
        // At once, not once stored: what the listener does next (grow a clip) builds on it.
        onSaved?.(favouriteId(favourite), saving);
        const { fallback, staleLocalCopy } = await saving;
        if (fallback)
          note = fallback.reason === 'quota' ? SYNC_FULL_MESSAGE : SYNC_UNAVAILABLE_MESSAGE;
        else if (staleLocalCopy) note = `${STALE_LOCAL_COPY_MESSAGE} (${staleLocalCopy}).`;
      }
    } catch (error) {
      note = `Could not ${pressed ? 'remove' : 'save'}: ${(error as Error).message}`;
    }
    setUi({ busy: false, note, removed });
  };
  const undo = async () => {
    const record = ui.removed;
    if (!record || ui.busy) return;
    setUi({ busy: true, note: ui.note, optimistic: true, removed: record });
    try {
      await store.undo(record);
      setUi({ busy: false, note: 'Restored, with its note.' });
    } catch (error) {
      setUi({
        busy: false,
        note: `Could not restore: ${(error as Error).message}`,
        removed: record,
      });
    }
  };
  return { pressed, note: ui.note, toggle, undo: ui.removed ? undo : undefined };
}

function renderToggle(
  { pressed, note, toggle, undo }: ReturnType<typeof useToggle>,
  label: string,
  describedBy?: string,
  extra?: string,
) {
  return (
    <span class={extra ? `save-toggle-wrap ${extra}` : 'save-toggle-wrap'}>
      <button
        type="button"
        class="save-toggle"
        aria-pressed={pressed}
        aria-label={label}
        aria-describedby={describedBy}
        title={note || (pressed ? `${label} (saved; press to remove)` : label)}
        onClick={trusted(toggle)}
      >
        <span class="save-icon" aria-hidden="true">
          {pressed ? '★' : '☆'}
        </span>
      </button>
      {note && <output class="save-note">{note}</output>}
      {undo && (
        <button
          type="button"
          class="text-button"
          aria-label={`Undo removing: ${label.replace(/^Save /, '')}`}
          onClick={trusted(() => void undo())}
        >
          Undo
        </button>
      )}
    </span>
  );
}

/** A star that saves or unsaves one link or quote; pressed means saved. */
export function SaveToggle({
  make,
  favouriteKey,
  label,
  store = getFavouritesStore(),
  class: extra,
  describedBy,
}: SaveToggleProps) {
  const saved = useIsSaved(favouriteKey, store);
  return renderToggle(useToggle(store, favouriteKey, saved, make), label, describedBy, extra);
}

const positionsCache = new WeakMap<
  FavouritesState,
  { episode: Episode; map: Map<string, string> }
>();

/** Computed once per state change for all the sentence stars together. */
export function positionsFor(state: FavouritesState, episode: Episode): Map<string, string> {
  const cached = positionsCache.get(state);
  if (cached?.episode === episode) return cached.map;
  const quotes = state.items.filter(
    (i): i is typeof i & { record: QuoteFavourite } => i.record.kind === 'quote',
  );
  const map = savedQuotePositions(quotes, episode);
  positionsCache.set(state, { episode, map });
  return map;
}

const linesCache = new WeakMap<FavouritesState, { episode: Episode; map: Map<string, LineMark> }>();

/** The saved marks of every line (quotes and clips), computed once per state change. */
export function linesFor(state: FavouritesState, episode: Episode): Map<string, LineMark> {
  const cached = linesCache.get(state);
  if (cached?.episode === episode) return cached.map;
  const quotes = state.items.filter(
    (i): i is typeof i & { record: QuoteFavourite } => i.record.kind === 'quote',
  );
  const map = savedLines(quotes, episode);
  linesCache.set(state, { episode, map });
  return map;
}
export type { LineMark };

interface SaveQuoteToggleProps {
  episode: Episode;
  turn: number;
  sentence: number;
  describedBy?: string;
  store?: FavouritesStore;
  /** Called with the quote's key as it is saved, and the save under way (a clip grows from it). */
  onSaved?: (key: string, saving: Promise<unknown>) => void;
}

/**
 * "Save quote" for one sentence. Pressed when a saved quote resolves to this sentence, even one
 * saved before a data rebuild under another id; unpressing removes that saved quote.
 */
export function SaveQuoteToggle({
  episode,
  turn,
  sentence,
  describedBy,
  store = getFavouritesStore(),
  onSaved,
}: SaveQuoteToggleProps) {
  const here = episode.transcript.turns[turn];
  // Hashing the sentence's text is the costly part of a star: once per sentence, not per render.
  const fresh = useMemo(
    () => `quote:${quoteId(here?.start ?? 0, here?.sentences[sentence]?.text ?? '')}`,
    [here, sentence],
  );
  // "1|key" or "0|key": one string, so an unchanged answer does not re-render this star.
  const compute = () => {
    const key = positionsFor(store.getState(), episode).get(`${turn}:${sentence}`) ?? fresh;
    return `${store.isSaved(key) ? 1 : 0}|${key}`;
  };
  const [view, setView] = useState(compute);
  useEffect(() => {
    setView(compute());
    return store.subscribe(() => setView(compute()));
  }, [store, episode, turn, sentence]);
  const key = view.slice(2);
  const toggle = useToggle(
    store,
    key,
    view[0] === '1',
    () => quoteFavouriteFrom(episode, turn, sentence),
    onSaved,
  );
  return renderToggle(toggle, 'Save quote', describedBy);
}
