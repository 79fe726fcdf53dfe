/**
 * The listener's favourites: saved links and quotes, which must survive everything.
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
import { storage } from 'wxt/utils/storage';
import {
  FAVOURITE_KEY_PREFIX,
  type FavouriteArea,
  favouriteKey,
  favouritesSyncFallbackItem,
  LEGACY_FAVOURITES_KEY,
  QUARANTINE_KEY_PREFIX,
  quarantineKey,
  type SyncFallbackStatus,
} from '../storage-items';
import { readFavourite, readLegacyList } from './migrations';
import { putRecord, repair } from './repair';
import { type Favourite, favouriteId, type SetAsideEntry } from './schema';

export interface SavedFavourite {
  /** `kind:id`, the favourite's identity. */
  key: string;
  record: Favourite;
  /** Where copies live; `['local']` alone means "on this device only". */
  areas: FavouriteArea[];
}

export interface FavouritesState {
  loaded: boolean;
  /** Newest first. */
  items: SavedFavourite[];
  setAside: SetAsideEntry[];
  /** Values written by a newer version of the extension, kept as they are. */
  newer: { area: FavouriteArea; storedKey: string; version: number }[];
  /** Set when some favourites live on this device only because sync refused them. */
  syncFallback: SyncFallbackStatus | null;
  /** Storage could not be read at all (the list shown may be incomplete). */
  error: string | null;
}

export interface SaveResult {
  area: FavouriteArea;
  fallback: SyncFallbackStatus | null;
}

const EMPTY: FavouritesState = {
  loaded: false,
  items: [],
  setAside: [],
  newer: [],
  syncFallback: null,
  error: null,
};

const AREAS: FavouriteArea[] = ['sync', 'local'];

export function describeSyncError(error: unknown): SyncFallbackStatus {
  const message = error instanceof Error ? error.message : String(error);
  const quota = /quota|QUOTA_BYTES|MAX_ITEMS|MAX_WRITE_OPERATIONS/i.test(message);
  return { reason: quota ? 'quota' : 'unavailable', message, at: Date.now() };
}

async function snapshotOf(area: FavouriteArea): Promise<Record<string, unknown> | null> {
  try {
    return await storage.snapshot(area);
  } catch {
    // No such area in this browser (or sync disabled by policy): treat as empty, fall back.
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
  /** Tries to move device-only favourites to sync. Returns how many moved. */
  retrySync(): Promise<number>;
  /** Deletes the set-aside values (after the listener has downloaded them). */
  discardSetAside(): Promise<void>;
  dispose(): void;
}

export function createFavouritesStore(): FavouritesStore {
  let state: FavouritesState = EMPTY;
  const listeners = new Set<(state: FavouritesState) => void>();
  let chain: Promise<unknown> = Promise.resolve();
  let queued = false;

  const emit = (next: FavouritesState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };

  async function loadOnce(): Promise<FavouritesState> {
    try {
      const problems: string[] = [];
      let snapshots = { sync: await snapshotOf('sync'), local: await snapshotOf('local') };
      if (await repair(snapshots, problems)) {
        snapshots = { sync: await snapshotOf('sync'), local: await snapshotOf('local') };
      }
      const byKey = new Map<string, SavedFavourite>();
      const newer: FavouritesState['newer'] = [];
      const setAsideList: SetAsideEntry[] = [];
      const add = (area: FavouriteArea) => (record: Favourite) => {
        const key = favouriteId(record);
        const known = byKey.get(key);
        if (!known) byKey.set(key, { key, record, areas: [area] });
        else {
          if (!known.areas.includes(area)) known.areas.push(area);
          if (record.savedAt > known.record.savedAt) known.record = record;
        }
      };
      for (const area of AREAS) {
        for (const [storedKey, raw] of Object.entries(snapshots[area] ?? {})) {
          if (area === 'local' && storedKey.startsWith(QUARANTINE_KEY_PREFIX)) {
            setAsideList.push(
              isObject(raw) && typeof raw.reason === 'string'
                ? (raw as unknown as SetAsideEntry)
                : { area, storedKey, raw, reason: 'unreadable set-aside value', setAsideAt: 0 },
            );
            continue;
          }
          const stuck = (reason: string) =>
            setAsideList.push({
              area,
              storedKey,
              raw,
              reason: `${reason} (not yet moved aside)`,
              setAsideAt: 0,
            });
          if (storedKey === LEGACY_FAVOURITES_KEY) {
            // Only still here if its migration failed: show its entries from memory meanwhile.
            const legacy = readLegacyList(raw);
            if ('reason' in legacy) stuck(legacy.reason);
            else legacy.records.forEach(add(area));
            continue;
          }
          if (!storedKey.startsWith(FAVOURITE_KEY_PREFIX)) continue;
          const result = readFavourite(raw);
          if (result.status === 'newer') newer.push({ area, storedKey, version: result.version });
          else if (result.status === 'invalid') stuck(result.reason);
          else add(area)(result.record);
        }
      }
      const items = [...byKey.values()].sort(
        (a, b) => b.record.savedAt - a.record.savedAt || a.key.localeCompare(b.key),
      );
      const deviceOnly = items.some((i) => !i.areas.includes('sync'));
      let syncFallback = await favouritesSyncFallbackItem.getValue();
      if (!deviceOnly && syncFallback) {
        await favouritesSyncFallbackItem.removeValue();
        syncFallback = null;
      } else if (deviceOnly && !syncFallback) {
        syncFallback = {
          reason: snapshots.sync ? 'quota' : 'unavailable',
          message: '',
          at: 0,
        };
      }
      emit({
        loaded: true,
        items,
        newer,
        setAside: setAsideList,
        syncFallback,
        error: problems.length ? problems.join('; ') : null,
      });
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

  async function save(record: Favourite): Promise<SaveResult> {
    const key = favouriteId(record);
    let result: SaveResult;
    try {
      await putRecord('sync', record);
      result = { area: 'sync', fallback: null };
      const hadLocal = state.items.find((i) => i.key === key)?.areas.includes('local');
      if (hadLocal) await storage.removeItem(favouriteKey('local', key));
    } catch (error) {
      const fallback = describeSyncError(error);
      // If this write fails too, the error reaches the caller: the toggle shows it unsaved.
      await putRecord('local', record);
      await favouritesSyncFallbackItem.setValue(fallback);
      result = { area: 'local', fallback };
    }
    await refresh();
    return result;
  }

  async function remove(key: string): Promise<Favourite | null> {
    let removed: Favourite | null = null;
    for (const area of AREAS) {
      try {
        const raw = await storage.getItem(favouriteKey(area, key));
        const read = readFavourite(raw);
        if (read.status === 'ok' && (!removed || read.record.savedAt > removed.savedAt)) {
          removed = read.record;
        }
        if (raw != null) await storage.removeItem(favouriteKey(area, key));
      } catch {
        // An area that cannot be read holds nothing to remove.
      }
    }
    await refresh();
    return removed;
  }

  async function retrySync(): Promise<number> {
    let moved = 0;
    for (const item of state.items.filter((i) => !i.areas.includes('sync'))) {
      try {
        await putRecord('sync', item.record);
      } catch (error) {
        await favouritesSyncFallbackItem.setValue(describeSyncError(error));
        break;
      }
      await storage.removeItem(favouriteKey('local', item.key));
      moved++;
    }
    await refresh();
    return moved;
  }

  async function discardSetAside() {
    // Only quarantine copies are deleted; values not yet moved aside stay where they are.
    const keys = state.setAside.map((e) =>
      e.storedKey.startsWith(QUARANTINE_KEY_PREFIX)
        ? (`local:${e.storedKey}` as const)
        : quarantineKey(e.area, e.storedKey),
    );
    await storage.removeItems(keys);
    await refresh();
  }

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
    remove,
    undo: save,
    retrySync,
    discardSetAside,
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
