/**
 * Every key the extension stores is declared once (WXT `storage.defineItem` with a fallback, a
 * `version` and its `migrations`): here, or, for the one item the content script reads at page
 * load, in lib/page/storage-layout.ts (each declared item reads storage when defined, so the
 * content script imports only its own). Nothing else in the code base names a storage key.
 */
import { storage } from 'wxt/utils/storage';

// ---- Favourites (owned by the favourites feature; design notes in lib/favourites/store.ts) ----

/**
 * One key per favourite, `fav:<kind>:<id>`, in `sync` (follows the listener between browsers) or,
 * when sync refuses the write, in `local`. Two tabs saving different favourites write different
 * keys, so neither can overwrite the other. These keys are not `defineItem`s because they are
 * dynamic, and because WXT keeps an item's version in a sibling `<key>$` meta key: that would
 * double the number of sync items (MAX_ITEMS is 512) and of sync writes. Each record carries its
 * schema version inside the value (`v`) instead.
 */
export const FAVOURITE_KEY_PREFIX = 'fav:';
export type FavouriteArea = 'sync' | 'local';
export const favouriteKey = (area: FavouriteArea, id: string) =>
  `${area}:${FAVOURITE_KEY_PREFIX}${id}` as const;

/** Stored values that could not be read, kept aside (raw value + reason), one key per value. */
export const QUARANTINE_KEY_PREFIX = 'fav-quarantine:';
export const quarantineKey = (area: FavouriteArea, storedKey: string) =>
  `local:${QUARANTINE_KEY_PREFIX}${area}:${storedKey}` as const;

/** Version 1 of favourites: a single array at this key, rewritten by every save (lost writes). */
export const LEGACY_FAVOURITES_KEY = 'favourites';
export const legacyFavouritesKey = (area: FavouriteArea) =>
  `${area}:${LEGACY_FAVOURITES_KEY}` as const;

/** Why the latest favourites went to this device only; cleared once nothing is device-only. */
export interface SyncFallbackStatus {
  reason: 'quota' | 'unavailable';
  message: string;
  at: number;
}
export const favouritesSyncFallbackItem = storage.defineItem<SyncFallbackStatus | null>(
  'local:favouritesSyncFallback',
  { fallback: null, version: 1 },
);
