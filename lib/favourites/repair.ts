/**
 * Bringing stored favourites to the current version, in storage: the version 1 array becomes one
 * key per favourite, older records are rewritten, unreadable values are moved aside (copied to a
 * quarantine key first, then removed, so a crash in between leaves two copies, never none).
 * Whatever happens on the way is reported: errors as problems, the rest as notes.
 */
import { storage } from 'wxt/utils/storage';
import {
  FAVOURITE_KEY_PREFIX,
  type FavouriteArea,
  favouriteKey,
  LEGACY_FAVOURITES_KEY,
  legacyFavouritesKey,
  quarantineKey,
  type SyncFallbackStatus,
} from '../storage-items';
import { readFavourite, readLegacyList } from './migrations';
import { type Favourite, favouriteId, revisionOf, type SetAsideEntry, toStored } from './schema';
import { describeSyncError } from './sync-error';

const AREAS: FavouriteArea[] = ['sync', 'local'];

export const SAVED_TWICE_REASON =
  'saved twice with different details: this older copy was set aside, the newer one is listed';

/** What a repair did that the listener should know of. */
export interface RepairReport {
  /** Steps that failed; the values stay where they were and are shown from memory. */
  problems: string[];
  /** One-off changes to where or how favourites are kept (not errors); shown until the page goes. */
  events: string[];
  /** Conditions found now that the listener should know (not errors); recomputed every reload. */
  notes: string[];
  /** Set when sync refused migrated favourites and they went to this device instead. */
  syncFallback: SyncFallbackStatus | null;
}

export async function setAside(
  area: FavouriteArea,
  storedKey: string,
  raw: unknown,
  reason: string,
) {
  await keepAside(area, storedKey, raw, reason);
  await storage.removeItem(`${area}:${storedKey}`);
}

/** Writes a quarantine copy only (the value it copies is gone or stays where it is). */
async function keepAside(area: FavouriteArea, storedKey: string, raw: unknown, reason: string) {
  const entry: SetAsideEntry = { area, storedKey, raw, reason, setAsideAt: Date.now() };
  await storage.setItem(quarantineKey(area, storedKey), entry);
}

export async function putRecord(area: FavouriteArea, record: Favourite) {
  await storage.setItem(favouriteKey(area, favouriteId(record)), toStored(record));
}

/** Key order aside, two records say the same thing (a copy that can go without loss). */
function sameRecord(a: Favourite, b: Favourite): boolean {
  const canonical = (r: Favourite) =>
    JSON.stringify(Object.entries(r).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}

interface Existing {
  area: FavouriteArea;
  raw: unknown;
  record: Favourite;
}

/**
 * Version 1 array → one key per favourite; removed only once every entry is safe. A favourite
 * already stored under its key is merged: the newer copy takes the key, the other is set aside.
 */
async function migrateLegacy(
  area: FavouriteArea,
  raw: unknown,
  existing: Map<string, Existing>,
  report: RepairReport,
) {
  const legacy = readLegacyList(raw);
  if ('reason' in legacy) {
    await setAside(area, LEGACY_FAVOURITES_KEY, raw, legacy.reason);
    return;
  }
  const entryKey = (index: number) => `${LEGACY_FAVOURITES_KEY}[${index}]`;
  let toDevice = 0;
  for (const { index, raw: entry, record } of legacy.readable) {
    const key = favouriteId(record);
    const known = existing.get(key);
    if (known && sameRecord(known.record, record)) continue;
    if (known && revisionOf(known.record) >= revisionOf(record)) {
      await keepAside(area, entryKey(index), entry, SAVED_TWICE_REASON);
      continue;
    }
    if (known)
      await setAside(known.area, FAVOURITE_KEY_PREFIX + key, known.raw, SAVED_TWICE_REASON);
    let written = area;
    try {
      await putRecord(area, record);
    } catch (error) {
      if (area === 'local') throw error;
      await putRecord('local', record);
      report.syncFallback = describeSyncError(error);
      written = 'local';
      toDevice++;
    }
    existing.set(key, { area: written, raw: record, record });
  }
  if (toDevice > 0) {
    report.events.push(
      `${toDevice} version 1 ${toDevice === 1 ? 'favourite was' : 'favourites were'} kept on this device only: sync refused ${toDevice === 1 ? 'it' : 'them'} (${report.syncFallback?.message})`,
    );
  }
  const leftovers = [
    ...legacy.invalid,
    ...legacy.newer.map((e) => ({ ...e, reason: `made by a newer version (v${e.version})` })),
  ];
  for (const entry of leftovers) {
    await keepAside(area, entryKey(entry.index), entry.raw, entry.reason);
  }
  await storage.removeItem(legacyFavouritesKey(area));
}

/**
 * A device copy that sync holds the same or newer is left over from a clean-up that failed (see
 * save.ts). Returns whether any was deleted.
 */
export async function removeStaleDeviceCopies(
  snapshots: Record<FavouriteArea, Record<string, unknown> | null>,
  report: RepairReport,
): Promise<boolean> {
  const sync = snapshots.sync ?? {};
  let removed = false;
  for (const [storedKey, raw] of Object.entries(snapshots.local ?? {})) {
    if (!storedKey.startsWith(FAVOURITE_KEY_PREFIX) || !(storedKey in sync)) continue;
    const local = readFavourite(raw);
    const synced = readFavourite(sync[storedKey]);
    if (local.status !== 'ok' || synced.status !== 'ok') continue;
    if (revisionOf(synced.record) < revisionOf(local.record)) continue;
    try {
      await storage.removeItem(`local:${storedKey}`);
      removed = true;
    } catch (error) {
      report.notes.push(
        `An older copy of a favourite on this device could not be deleted yet (${(error as Error).message}); the newer copy in sync is the one listed.`,
      );
    }
  }
  return removed;
}

/**
 * Brings every stored value to the current version. A step that fails (quota, storage error) is
 * reported and skipped: the value stays where it was and is still shown from memory.
 */
export async function repair(
  snapshots: Record<FavouriteArea, Record<string, unknown> | null>,
  report: RepairReport,
) {
  let wrote = false;
  const attempt = async (what: string, step: () => Promise<void>) => {
    try {
      await step();
      wrote = true;
    } catch (error) {
      report.problems.push(`${what}: ${(error as Error).message}`);
    }
  };
  const existing = new Map<string, Existing>();
  for (const area of AREAS) {
    for (const [key, raw] of Object.entries(snapshots[area] ?? {})) {
      if (!key.startsWith(FAVOURITE_KEY_PREFIX)) continue;
      const read = readFavourite(raw);
      if (read.status !== 'ok') continue;
      const known = existing.get(favouriteId(read.record));
      if (!known || revisionOf(read.record) > revisionOf(known.record))
        existing.set(favouriteId(read.record), { area, raw, record: read.record });
    }
  }
  for (const area of AREAS) {
    const data = snapshots[area];
    if (!data) continue;
    if (data[LEGACY_FAVOURITES_KEY] !== undefined) {
      await attempt('migrating version 1 favourites', () =>
        migrateLegacy(area, data[LEGACY_FAVOURITES_KEY], existing, report),
      );
    }
    for (const [storedKey, raw] of Object.entries(data)) {
      if (!storedKey.startsWith(FAVOURITE_KEY_PREFIX)) continue;
      const result = readFavourite(raw);
      if (result.status === 'invalid') {
        await attempt(`setting aside ${storedKey}`, () =>
          setAside(area, storedKey, raw, result.reason),
        );
      } else if (result.status === 'ok') {
        const canonical = FAVOURITE_KEY_PREFIX + favouriteId(result.record);
        if (result.migrated || canonical !== storedKey) {
          await attempt(`updating ${storedKey}`, async () => {
            await putRecord(area, result.record);
            if (canonical !== storedKey) await storage.removeItem(`${area}:${storedKey}`);
          });
        }
      }
    }
  }
  return wrote;
}
