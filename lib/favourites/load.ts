/**
 * Reading the listener's favourites: both storage areas, brought to the current version (see
 * repair.ts) and merged into one list, the newer copy of a favourite winning.
 */
import { storage } from 'wxt/utils/storage';
import {
  FAVOURITE_KEY_PREFIX,
  type FavouriteArea,
  favouritesSyncFallbackItem,
  LEGACY_FAVOURITES_KEY,
  QUARANTINE_KEY_PREFIX,
  type SyncFallbackStatus,
} from '../storage-items';
import { readFavourite, readLegacyList } from './migrations';
import { repair } from './repair';
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

export const EMPTY_STATE: FavouritesState = {
  loaded: false,
  items: [],
  setAside: [],
  newer: [],
  syncFallback: null,
  error: null,
};

export const AREAS: FavouriteArea[] = ['sync', 'local'];

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

/** Reads both areas, migrating and setting aside as needed. Throws if storage cannot be read. */
export async function loadState(): Promise<FavouritesState> {
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
  return {
    loaded: true,
    items,
    newer,
    setAside: setAsideList,
    syncFallback,
    error: problems.length ? problems.join('; ') : null,
  };
}
