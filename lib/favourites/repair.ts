/**
 * Bringing stored favourites to the current version, in storage: the version 1 array becomes one
 * key per favourite, older records are rewritten, unreadable values are moved aside (copied to a
 * quarantine key first, then removed, so a crash in between leaves two copies, never none).
 */
import { storage } from 'wxt/utils/storage';
import {
  FAVOURITE_KEY_PREFIX,
  type FavouriteArea,
  favouriteKey,
  LEGACY_FAVOURITES_KEY,
  legacyFavouritesKey,
  quarantineKey,
} from '../storage-items';
import { readFavourite, readLegacyList } from './migrations';
import type { SetAsideEntry } from './schema';
import { type Favourite, favouriteId } from './schema';

const AREAS: FavouriteArea[] = ['sync', 'local'];

export async function setAside(
  area: FavouriteArea,
  storedKey: string,
  raw: unknown,
  reason: string,
) {
  const entry: SetAsideEntry = { area, storedKey, raw, reason, setAsideAt: Date.now() };
  await storage.setItem(quarantineKey(area, storedKey), entry);
  await storage.removeItem(`${area}:${storedKey}`);
}

export async function putRecord(area: FavouriteArea, record: Favourite) {
  await storage.setItem(favouriteKey(area, favouriteId(record)), record);
}

/** Version 1 array → one key per favourite; removed only once every entry is safe. */
async function migrateLegacy(area: FavouriteArea, raw: unknown, existing: Set<string>) {
  const legacy = readLegacyList(raw);
  if ('reason' in legacy) {
    await setAside(area, LEGACY_FAVOURITES_KEY, raw, legacy.reason);
    return;
  }
  for (const record of legacy.records) {
    const key = favouriteId(record);
    if (existing.has(key)) continue;
    try {
      await putRecord(area, record);
    } catch {
      await putRecord('local', record);
    }
    existing.add(key);
  }
  const leftovers = [
    ...legacy.invalid.map((e) => ({ ...e, reason: e.reason })),
    ...legacy.newer.map((e) => ({ ...e, reason: `made by a newer version (v${e.version})` })),
  ];
  for (const entry of leftovers) {
    const storedKey = `${LEGACY_FAVOURITES_KEY}[${entry.index}]`;
    await storage.setItem(quarantineKey(area, storedKey), {
      area,
      storedKey,
      raw: entry.raw,
      reason: entry.reason,
      setAsideAt: Date.now(),
    } satisfies SetAsideEntry);
  }
  await storage.removeItem(legacyFavouritesKey(area));
}

/**
 * Brings every stored value to the current version. A step that fails (quota, storage error) is
 * reported and skipped: the value stays where it was and is still shown from memory.
 */
export async function repair(
  snapshots: Record<FavouriteArea, Record<string, unknown> | null>,
  problems: string[],
) {
  let wrote = false;
  const attempt = async (what: string, step: () => Promise<void>) => {
    try {
      await step();
      wrote = true;
    } catch (error) {
      problems.push(`${what}: ${(error as Error).message}`);
    }
  };
  const existing = new Set<string>();
  for (const area of AREAS) {
    for (const key of Object.keys(snapshots[area] ?? {})) {
      if (key.startsWith(FAVOURITE_KEY_PREFIX))
        existing.add(key.slice(FAVOURITE_KEY_PREFIX.length));
    }
  }
  for (const area of AREAS) {
    const data = snapshots[area];
    if (!data) continue;
    if (data[LEGACY_FAVOURITES_KEY] !== undefined) {
      await attempt('migrating version 1 favourites', () =>
        migrateLegacy(area, data[LEGACY_FAVOURITES_KEY], existing),
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
