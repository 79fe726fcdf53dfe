/** Telling a full sync area from a missing one, by the browser's error message. */
import type { SyncFallbackStatus } from '../storage-items';

export function describeSyncError(error: unknown): SyncFallbackStatus {
  const message = error instanceof Error ? error.message : String(error);
  const quota = /quota|QUOTA_BYTES|MAX_ITEMS|MAX_WRITE_OPERATIONS/i.test(message);
  return { reason: quota ? 'quota' : 'unavailable', message, at: Date.now() };
}
