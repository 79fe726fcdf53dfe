/** Writing favourites: sync first, this device when sync refuses, and moving them back later. */
import { storage } from 'wxt/utils/storage';
import {
  type FavouriteArea,
  favouriteKey,
  favouritesSyncFallbackItem,
  type SyncFallbackStatus,
} from '../storage-items';
import type { FavouritesState } from './load';
import { putRecord } from './repair';
import { type Favourite, favouriteId } from './schema';
import { describeSyncError } from './sync-error';

export interface SaveResult {
  area: FavouriteArea;
  fallback: SyncFallbackStatus | null;
  /**
   * Saved to sync, but the older copy on this device could not be deleted (why). Reading shows
   * the newer copy, and the next reload deletes the old one.
   */
  staleLocalCopy?: string;
  /** Nothing needed writing (a note saved as it already was). */
  unchanged?: boolean;
}

export async function saveRecord(state: FavouritesState, record: Favourite): Promise<SaveResult> {
  const key = favouriteId(record);
  try {
    await putRecord('sync', record);
  } catch (error) {
    const fallback = describeSyncError(error);
    // If this write fails too, the error reaches the caller: the toggle shows it unsaved.
    await putRecord('local', record);
    await favouritesSyncFallbackItem.setValue(fallback);
    return { area: 'local', fallback };
  }
  const hadLocal = state.items.find((i) => i.key === key)?.areas.includes('local');
  if (hadLocal) {
    try {
      await storage.removeItem(favouriteKey('local', key));
    } catch (error) {
      // The favourite is safe in sync; the leftover is older, so reading never prefers it.
      return { area: 'sync', fallback: null, staleLocalCopy: (error as Error).message };
    }
  }
  return { area: 'sync', fallback: null };
}

/** Tries to move device-only favourites to sync. Returns how many moved. */
export async function moveToSync(state: FavouritesState): Promise<number> {
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
  return moved;
}
