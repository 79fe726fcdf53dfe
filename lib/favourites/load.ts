/**
 * Reading the listener's favourites: both storage areas, brought to the current version (see
 * repair.ts) and merged into one list, the newer copy of a favourite winning.
 */
import * as v from 'valibot';
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
import { type RepairReport, removeStaleDeviceCopies, repair } from './repair';
import {
  type Favourite,
  favouriteId,
  revisionOf,
  type SetAsideEntry,
  SetAsideEntrySchema,
} from './schema';

export interface SavedFavourite {
  /** `kind:id`, the favourite's identity. */
  key: string;
  record: Favourite;
  /** Where its latest copy lives; `['local']` alone means "on this device only" (sync may hold
   * an older copy, for instance without a note that sync refused). */
  areas: FavouriteArea[];
}

/** A set-aside value as listed: where its quarantine copy lives, if it has one yet. */
export interface ListedSetAside extends SetAsideEntry {
  /** The quarantine copy's storage key (`local:fav-quarantine:…`); null if not yet moved aside. */
  heldAt: `local:${string}` | null;
}

export const UNREADABLE_SET_ASIDE = 'unreadable set-aside value';

export interface FavouritesState {
  loaded: boolean;
  /** Newest first. */
  items: SavedFavourite[];
  setAside: ListedSetAside[];
  /** Values written by a newer version of the extension, kept as they are. */
  newer: { area: FavouriteArea; storedKey: string; version: number }[];
  /** Set when some favourites live on this device only because sync refused them. */
  syncFallback: SyncFallbackStatus | null;
  /** Storage could not be read at all (the list shown may be incomplete). */
  error: string | null;
  /** What the listener should know that is not an error: changes made while repairing storage
   * (kept for as long as the page is open) and conditions found by the last reload. */
  notes: string[];
}

/** A reload's state, with the one-off changes it made apart (the store keeps those). */
export interface LoadResult {
  state: FavouritesState;
  events: string[];
}

export const EMPTY_STATE: FavouritesState = {
  loaded: false,
  items: [],
  setAside: [],
  newer: [],
  syncFallback: null,
  error: null,
  notes: [],
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

/** A quarantine value is checked like any stored value; a damaged one is listed, never dropped. */
function listSetAside(quarantineKey: string, raw: unknown): ListedSetAside {
  const heldAt = `local:${quarantineKey}` as const;
  const parsed = v.safeParse(SetAsideEntrySchema, raw);
  if (parsed.success) return { ...parsed.output, heldAt };
  // The key still says where the value came from: `fav-quarantine:<area>:<stored key>`.
  const from = /^(sync|local):(.+)$/.exec(quarantineKey.slice(QUARANTINE_KEY_PREFIX.length));
  return {
    area: (from?.[1] as FavouriteArea | undefined) ?? 'local',
    storedKey: from?.[2] ?? quarantineKey,
    raw,
    reason: UNREADABLE_SET_ASIDE,
    setAsideAt: 0,
    heldAt,
  };
}

const snapshotBoth = async () => ({
  sync: await snapshotOf('sync'),
  local: await snapshotOf('local'),
});

/** Reads both areas, migrating and setting aside as needed. Throws if storage cannot be read. */
export async function loadState(): Promise<LoadResult> {
  const report: RepairReport = { problems: [], events: [], notes: [], syncFallback: null };
  let snapshots = await snapshotBoth();
  if (await repair(snapshots, report)) snapshots = await snapshotBoth();
  if (await removeStaleDeviceCopies(snapshots, report)) snapshots = await snapshotBoth();
  if (report.syncFallback) {
    await favouritesSyncFallbackItem
      .setValue(report.syncFallback)
      .catch((error: Error) =>
        report.problems.push(`recording the sync fallback: ${error.message}`),
      );
  }
  const byKey = new Map<string, SavedFavourite>();
  const newer: FavouritesState['newer'] = [];
  const setAsideList: ListedSetAside[] = [];
  const add = (area: FavouriteArea) => (record: Favourite) => {
    const key = favouriteId(record);
    const known = byKey.get(key);
    if (!known) byKey.set(key, { key, record, areas: [area] });
    else if (revisionOf(record) > revisionOf(known.record)) {
      // The other copy is older (a note edit sync refused): only this area has the latest.
      byKey.set(key, { key, record, areas: [area] });
    } else if (revisionOf(record) === revisionOf(known.record) && !known.areas.includes(area)) {
      known.areas.push(area);
    }
  };
  for (const area of AREAS) {
    for (const [storedKey, raw] of Object.entries(snapshots[area] ?? {})) {
      if (area === 'local' && storedKey.startsWith(QUARANTINE_KEY_PREFIX)) {
        setAsideList.push(listSetAside(storedKey, raw));
        continue;
      }
      const stuck = (reason: string) =>
        setAsideList.push({
          area,
          storedKey,
          raw,
          reason: `${reason} (not yet moved aside)`,
          setAsideAt: 0,
          heldAt: null,
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
    syncFallback = null;
    // A flag left behind is harmless: it is only shown while something is device-only, and the
    // next reload clears it. It must not hide the list.
    await favouritesSyncFallbackItem.removeValue().catch(() => undefined);
  } else if (deviceOnly && !syncFallback) {
    syncFallback = {
      reason: snapshots.sync ? 'quota' : 'unavailable',
      message: '',
      at: 0,
    };
  }
  const state: FavouritesState = {
    loaded: true,
    items,
    newer,
    setAside: setAsideList,
    syncFallback,
    error: report.problems.length ? report.problems.join('; ') : null,
    notes: report.notes,
  };
  return { state, events: report.events };
}
