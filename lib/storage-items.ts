/**
 * Every key the extension stores, declared once (WXT `storage.defineItem` with a fallback, a
 * `version` and its `migrations`). Nothing else in the code base names a storage key.
 */
export {};
