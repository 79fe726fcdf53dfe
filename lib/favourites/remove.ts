/** Deleting favourites (handing the record back for undo) and discarding set-aside values. */
import { storage } from 'wxt/utils/storage';
import { type FavouriteArea, favouriteKey } from '../storage-items';
import { AREAS, type FavouritesState } from './load';
import { readFavourite } from './migrations';
import { type Favourite, revisionOf } from './schema';

/**
 * The value stored under favourite `key` in `area`; undefined where there is none, or where the area
 * cannot be read (no sync area in this browser): such an area holds nothing to read or remove.
 */
export async function readStored(area: FavouriteArea, key: string): Promise<unknown> {
  try {
    return (await storage.getItem(favouriteKey(area, key))) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns the removed record (for undo), or null if it was not saved. Throws if a copy could not
 * be deleted: the favourite is then still saved (and still listed), and the caller says so.
 */
export async function removeRecord(key: string): Promise<Favourite | null> {
  let removed: Favourite | null = null;
  const failures: string[] = [];
  for (const area of AREAS) {
    const raw = await readStored(area, key);
    if (raw == null) continue;
    try {
      await storage.removeItem(favouriteKey(area, key));
    } catch (error) {
      failures.push(`${area === 'sync' ? 'sync' : 'this device'}: ${(error as Error).message}`);
      continue;
    }
    const read = readFavourite(raw);
    if (read.status === 'ok' && (!removed || revisionOf(read.record) > revisionOf(removed))) {
      removed = read.record;
    }
  }
  if (failures.length > 0) throw new Error(`it is still saved (${failures.join('; ')})`);
  return removed;
}

/** Deletes the quarantine copies (after the listener has downloaded them), by their own keys. */
export async function discardSetAsideValues(state: FavouritesState): Promise<void> {
  // Values not yet moved aside have no copy to delete: they stay where they are.
  const keys = state.setAside.flatMap((e) => (e.heldAt ? [e.heldAt] : []));
  await storage.removeItems(keys);
}
