/**
 * lib/favourites/: the listener's favourites (saved links and quotes), which must survive
 * everything. This is the folder's main module: the store that pages use.
 * - May import: lib/episode, lib/storage-items.ts, lib/time.ts, wxt storage/browser, valibot.
 *   Never Preact, `document`/`window`, or lib/ingest (build time only).
 * - Imported by: components/ (SavedTab, SavedNotices, SavedTransfer, SaveToggle, useFavourites),
 *   which the sidebar and the options page (entrypoints/options/) show.
 * Files: schema.ts (stored shape), migrations.ts (older versions), repair.ts (fixing storage in
 * place), load.ts (reading), save.ts (writing), remove.ts (deleting), notes.ts (notes, replacing a
 * clip), sync-error.ts, transfer.ts (export/import), episode.ts and clips.ts (favourites ↔ the
 * episode's data).
 *
 * Storage design (why it cannot lose a favourite):
 * - One key per favourite (`fav:<kind>:<id>`, see storage-items.ts), never one shared array. A
 *   save is a single `set` of its own key, so two tabs (or two synced browsers) saving different
 *   favourites at the same moment write different keys and both survive; saving the same
 *   favourite twice writes the same key with equivalent content.
 * - `sync` first, so favourites follow the listener; if sync refuses the write (quota per item,
 *   total, item count, writes per minute/hour, or no sync area at all), the same record goes to
 *   `local` and the listener is told. Reading merges both areas; the newer copy wins.
 * - Every value carries its schema version. Older values are migrated in place; values that cannot
 *   be read are copied to a quarantine key (raw value + reason) before the original is removed, so
 *   a crash in between leaves two copies, never none; values from a newer extension version are
 *   left untouched (another browser may own them) and reported.
 * - Removal deletes the key(s) and hands the record back, so "Undo" re-puts it unchanged (same
 *   `savedAt`, same place in the list). Other tabs follow through `storage.onChanged`.
 */
import { browser } from 'wxt/browser';
import {
  FAVOURITE_KEY_PREFIX,
  LEGACY_FAVOURITES_KEY,
  QUARANTINE_KEY_PREFIX,
} from '../storage-items';
import { EMPTY_STATE, type FavouritesState, loadState } from './load';
import { replaceRecord, writeNote } from './notes';
import { discardSetAsideValues, removeRecord } from './remove';
import { moveToSync, type SaveResult, saveRecord } from './save';
import type { Favourite } from './schema';

export type { FavouritesState, ListedSetAside, SavedFavourite } from './load';
export type { SaveResult } from './save';

export interface FavouritesStore {
  getState(): FavouritesState;
  subscribe(listener: (state: FavouritesState) => void): () => void;
  /** Reads both areas, migrating and setting aside as needed. */
  refresh(): Promise<FavouritesState>;
  isSaved(key: string): boolean;
  save(record: Favourite): Promise<SaveResult>;
  /** Returns the removed record (for undo), or null if it was not saved. */
  remove(key: string): Promise<Favourite | null>;
  undo(record: Favourite): Promise<SaveResult>;
  /**
   * Sets the favourite's note; blank text clears it. `editing` is the favourite as the note box
   * was opened on: saved again with the note if another tab removed it meanwhile.
   */
  setNote(key: string, text: string, editing?: Favourite): Promise<SaveResult>;
  /** Saves `record` in place of the favourite `oldKey` (a clip that grows or shrinks). */
  replace(oldKey: string, record: Favourite): Promise<SaveResult>;
  /** Tries to move device-only favourites to sync. Returns how many moved. */
  retrySync(): Promise<number>;
  /** Deletes the set-aside values (after the listener has downloaded them). */
  discardSetAside(): Promise<void>;
  dispose(): void;
}

export function createFavouritesStore(): FavouritesStore {
  let state: FavouritesState = EMPTY_STATE;
  const listeners = new Set<(state: FavouritesState) => void>();
  let chain: Promise<unknown> = Promise.resolve();
  let queued = false;
  // Changes a repair made happen once, but the listener may open the Saved tab later.
  const events = new Set<string>();

  const emit = (next: FavouritesState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };

  async function loadOnce(): Promise<FavouritesState> {
    try {
      const loaded = await loadState();
      for (const event of loaded.events) events.add(event);
      emit({ ...loaded.state, notes: [...events, ...loaded.state.notes] });
    } catch (error) {
      emit({ ...state, loaded: true, error: (error as Error).message });
    }
    return state;
  }

  function refresh(): Promise<FavouritesState> {
    // Coalesce bursts (a save fires onChanged in every tab): at most one queued reload.
    if (!queued) {
      queued = true;
      chain = chain.then(() => {
        queued = false;
        return loadOnce();
      });
    }
    return chain.then(() => state);
  }

  /** Runs a write, then reloads whether it worked or not, so the list shows what is stored. */
  async function thenRefresh<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      await refresh();
    }
  }

  const save = (record: Favourite) => thenRefresh(() => saveRecord(state, record));

  const onChanged = (changes: Record<string, unknown>) => {
    const relevant = Object.keys(changes).some(
      (k) =>
        k.startsWith(FAVOURITE_KEY_PREFIX) ||
        k.startsWith(QUARANTINE_KEY_PREFIX) ||
        k === LEGACY_FAVOURITES_KEY,
    );
    if (relevant) void refresh();
  };
  browser.storage.onChanged.addListener(onChanged);

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    isSaved: (key) => state.items.some((i) => i.key === key),
    save,
    remove: (key) => thenRefresh(() => removeRecord(key)),
    undo: save,
    setNote: (key, text, editing) => thenRefresh(() => writeNote(state, key, text, editing)),
    replace: (oldKey, record) => thenRefresh(() => replaceRecord(state, oldKey, record)),
    retrySync: () => thenRefresh(() => moveToSync(state)),
    discardSetAside: () => thenRefresh(() => discardSetAsideValues(state)),
    dispose() {
      browser.storage.onChanged.removeListener(onChanged);
      listeners.clear();
    },
  };
}

let shared: FavouritesStore | undefined;

/** One store per page (sidebar, options page), started on first use. */
export function getFavouritesStore(): FavouritesStore {
  if (!shared) {
    shared = createFavouritesStore();
    void shared.refresh();
  }
  return shared;
}
