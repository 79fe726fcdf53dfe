import { useEffect, useState } from 'preact/hooks';
import type { Episode } from '@/lib/episode-schema';
import { quoteFavouriteFrom, savedQuotePositions } from '@/lib/favourites-episode';
import { type Favourite, type QuoteFavourite, quoteId } from '@/lib/favourites-schema';
import {
  type FavouritesState,
  type FavouritesStore,
  getFavouritesStore,
} from '@/lib/favourites-store';
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
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  // Shown at once; storage confirms (or reverts) a moment later.
  const [optimistic, setOptimistic] = useState<boolean | undefined>(undefined);
  const pressed = optimistic ?? saved;

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    setOptimistic(!pressed);
    try {
      if (pressed) {
        await store.remove(favouriteKey);
        setNote('');
      } else {
        const favourite = make();
        if (!favourite) throw new Error('not found');
        const result = await store.save(favourite);
        setNote(
          result.fallback
            ? result.fallback.reason === 'quota'
              ? SYNC_FULL_MESSAGE
              : SYNC_UNAVAILABLE_MESSAGE
            : '',
        );
      }
    } catch (error) {
      setNote(`Could not ${pressed ? 'remove' : 'save'}: ${(error as Error).message}`);
    } finally {
      setOptimistic(undefined);
      setBusy(false);
    }
  };

  return (
    <span class={extra ? `save-toggle-wrap ${extra}` : 'save-toggle-wrap'}>
      <button
        type="button"
        class="save-toggle"
        aria-pressed={pressed}
        aria-label={label}
        aria-describedby={describedBy}
        title={note || (pressed ? `${label} (saved; press to remove)` : label)}
        onClick={toggle}
      >
        <span class="save-icon" aria-hidden="true">
          {pressed ? '★' : '☆'}
        </span>
      </button>
      {note && <output class="save-note">{note}</output>}
    </span>
  );
}

const positionsCache = new WeakMap<
  FavouritesState,
  { episode: Episode; map: Map<string, string> }
>();

/** Computed once per state change for all the sentence stars together. */
function positionsFor(state: FavouritesState, episode: Episode): Map<string, string> {
  const cached = positionsCache.get(state);
  if (cached?.episode === episode) return cached.map;
  const quotes = state.items.filter(
    (i): i is typeof i & { record: QuoteFavourite } => i.record.kind === 'quote',
  );
  const map = savedQuotePositions(quotes, episode);
  positionsCache.set(state, { episode, map });
  return map;
}

interface SaveQuoteToggleProps {
  episode: Episode;
  turn: number;
  sentence: number;
  describedBy?: string;
  store?: FavouritesStore;
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
}: SaveQuoteToggleProps) {
  const here = episode.transcript.turns[turn];
  const fresh = `quote:${quoteId(here?.start ?? 0, here?.sentences[sentence]?.text ?? '')}`;
  const compute = () => positionsFor(store.getState(), episode).get(`${turn}:${sentence}`) ?? fresh;
  // Hundreds of these exist: each re-renders only when its own answer changes.
  const [key, setKey] = useState(compute);
  useEffect(() => {
    setKey(compute());
    return store.subscribe(() => setKey(compute()));
  }, [store, episode, turn, sentence]);
  return (
    <SaveToggle
      favouriteKey={key}
      label="Save quote"
      describedBy={describedBy}
      store={store}
      make={() => quoteFavouriteFrom(episode, turn, sentence)}
    />
  );
}
