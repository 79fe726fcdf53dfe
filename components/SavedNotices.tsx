/** What the listener must know about their saved data, and the import report. */
import { useState } from 'preact/hooks';
import type { Favourite } from '@/lib/favourites/schema';
import type { FavouritesState, FavouritesStore } from '@/lib/favourites/store';
import { exportFileName, exportJson } from '@/lib/favourites/transfer';
import { SYNC_FULL_MESSAGE, SYNC_UNAVAILABLE_MESSAGE } from './SaveToggle';
import { trusted } from './trusted';

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function download(text: string, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface SavedNoticesProps {
  state: FavouritesState;
  store: FavouritesStore;
  records: Favourite[];
}

/** Where a set-aside value came from, in the listener's words. */
const origin = (area: 'sync' | 'local', storedKey: string) =>
  `${area === 'sync' ? 'synced' : 'this device'}, ${storedKey}`;

/**
 * Storage errors, sync-full fallback, notes from the last reload, set-aside (quarantined) and
 * newer-version values. All text from storage is rendered as text, never as markup.
 */
export function SavedNotices({ state, store, records }: SavedNoticesProps) {
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [actionError, setActionError] = useState('');
  const deviceOnly = state.items.filter((i) => !i.areas.includes('sync')).length;
  const act = (what: string, action: () => Promise<unknown>) => {
    setActionError('');
    action().catch((error: Error) => setActionError(`Could not ${what}: ${error.message}.`));
  };
  return (
    <div class="saved-notices">
      {state.error && (
        <p class="notice notice-error" role="alert">
          Saved items could not all be read: {state.error}
        </p>
      )}
      {actionError && (
        <p class="notice notice-error" role="alert">
          {actionError}
        </p>
      )}
      {state.syncFallback && deviceOnly > 0 && (
        <output class="notice notice-block">
          {state.syncFallback.reason === 'quota' ? SYNC_FULL_MESSAGE : SYNC_UNAVAILABLE_MESSAGE} (
          {plural(deviceOnly, 'item')} not synced to your other browsers
          {state.syncFallback.message && `; the browser said: ${state.syncFallback.message}`}).{' '}
          <button
            type="button"
            class="text-button"
            onClick={trusted(() => act('sync', () => store.retrySync()))}
          >
            Try syncing again
          </button>
        </output>
      )}
      {state.notes.length > 0 && (
        <output class="notice notice-block">
          {state.notes.map((note) => (
            <span key={note} class="saved-note">
              {note}
            </span>
          ))}
        </output>
      )}
      {state.setAside.length > 0 && (
        <div class="notice">
          <output class="notice-block">
            {plural(state.setAside.length, 'saved item')}{' '}
            {state.setAside.length === 1 ? 'was' : 'were'} set aside, not deleted:
          </output>
          <ul class="set-aside-list">
            {state.setAside.map((e) => (
              <li key={e.heldAt ?? `${e.area}:${e.storedKey}`}>
                {origin(e.area, e.storedKey)}: {e.reason}
              </li>
            ))}
          </ul>
          <p>
            <button
              type="button"
              class="text-button"
              onClick={() =>
                download(
                  exportJson(records, state.setAside),
                  'application/json',
                  exportFileName('json'),
                )
              }
            >
              Download everything as JSON
            </button>{' '}
            {confirmDiscard ? (
              <>
                <button
                  type="button"
                  class="text-button"
                  onClick={trusted(() => {
                    setConfirmDiscard(false);
                    act('discard the set-aside items', () => store.discardSetAside());
                  })}
                >
                  Delete them for good
                </button>{' '}
                <button type="button" class="text-button" onClick={() => setConfirmDiscard(false)}>
                  Keep them
                </button>
              </>
            ) : (
              <button type="button" class="text-button" onClick={() => setConfirmDiscard(true)}>
                Discard set-aside items…
              </button>
            )}
          </p>
        </div>
      )}
      {state.newer.length > 0 && (
        <output class="notice notice-block">
          {plural(state.newer.length, 'saved item')} came from a newer version of this extension and{' '}
          {state.newer.length === 1 ? 'is' : 'are'} kept unchanged; update the extension to see{' '}
          {state.newer.length === 1 ? 'it' : 'them'}.
        </output>
      )}
    </div>
  );
}
