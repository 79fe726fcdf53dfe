/** Deleting favourites (handing the record back for undo) and discarding set-aside values. */
import { storage } from 'wxt/utils/storage';
import { favouriteKey, QUARANTINE_KEY_PREFIX, quarantineKey } from '../storage-items';
import { AREAS, type FavouritesState } from './load';
import { readFavourite } from './migrations';
import type { Favourite } from './schema';

/** Returns the removed record (for undo), or null if it was not saved. */
export async function removeRecord(key: string): Promise<Favourite | null> {
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
  return removed;
}

/** Deletes the set-aside values (after the listener has downloaded them). */
export async function discardSetAsideValues(state: FavouritesState): Promise<void> {
  // Only quarantine copies are deleted; values not yet moved aside stay where they are.
  const keys = state.setAside.map((e) =>
    e.storedKey.startsWith(QUARANTINE_KEY_PREFIX)
      ? (`local:${e.storedKey}` as const)
      : quarantineKey(e.area, e.storedKey),
  );
  await storage.removeItems(keys);
}
