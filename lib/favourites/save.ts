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

export interface SaveResult {
  area: FavouriteArea;
  fallback: SyncFallbackStatus | null;
}

export function describeSyncError(error: unknown): SyncFallbackStatus {
  const message = error instanceof Error ? error.message : String(error);
  const quota = /quota|QUOTA_BYTES|MAX_ITEMS|MAX_WRITE_OPERATIONS/i.test(message);
  return { reason: quota ? 'quota' : 'unavailable', message, at: Date.now() };
}

export async function saveRecord(state: FavouritesState, record: Favourite): Promise<SaveResult> {
  const key = favouriteId(record);
  try {
    await putRecord('sync', record);
    const hadLocal = state.items.find((i) => i.key === key)?.areas.includes('local');
    if (hadLocal) await storage.removeItem(favouriteKey('local', key));
    return { area: 'sync', fallback: null };
  } catch (error) {
    const fallback = describeSyncError(error);
    // If this write fails too, the error reaches the caller: the toggle shows it unsaved.
    await putRecord('local', record);
    await favouritesSyncFallbackItem.setValue(fallback);
    return { area: 'local', fallback };
  }
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
