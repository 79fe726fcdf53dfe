/** What the listener must know about their saved data, and the import report. */
import { useState } from 'preact/hooks';
import type { Favourite } from '@/lib/favourites/schema';
import type { FavouritesState, FavouritesStore } from '@/lib/favourites/store';
import { exportFileName, exportJson, type ImportReport } from '@/lib/favourites/transfer';
import { SYNC_FULL_MESSAGE, SYNC_UNAVAILABLE_MESSAGE } from './SaveToggle';

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function download(text: string, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface SavedNoticesProps {
  state: FavouritesState;
  store: FavouritesStore;
  records: Favourite[];
}

/** Storage errors, sync-full fallback, set-aside (quarantined) and newer-version values. */
export function SavedNotices({ state, store, records }: SavedNoticesProps) {
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const deviceOnly = state.items.filter((i) => !i.areas.includes('sync')).length;
  return (
    <div class="saved-notices">
      {state.error && (
        <p class="notice notice-error" role="alert">
          Saved items could not all be read: {state.error}
        </p>
      )}
      {state.syncFallback && deviceOnly > 0 && (
        <p class="notice">
          {state.syncFallback.reason === 'quota' ? SYNC_FULL_MESSAGE : SYNC_UNAVAILABLE_MESSAGE} (
          {plural(deviceOnly, 'item')} not synced to your other browsers).{' '}
          <button type="button" class="text-button" onClick={() => void store.retrySync()}>
            Try syncing again
          </button>
        </p>
      )}
      {state.setAside.length > 0 && (
        <p class="notice">
          {plural(state.setAside.length, 'saved item')} could not be read (damaged or from an
          unknown format) and {state.setAside.length === 1 ? 'was' : 'were'} set aside, not deleted.{' '}
          <button
            type="button"
            class="text-button"
            onClick={() =>
              download(
                exportJson(records, state.setAside),
                'application/json',
                exportFileName('json'),
              )
            }
          >
            Download everything as JSON
          </button>{' '}
          {confirmDiscard ? (
            <>
              <button
                type="button"
                class="text-button"
                onClick={() => {
                  setConfirmDiscard(false);
                  void store.discardSetAside();
                }}
              >
                Delete them for good
              </button>{' '}
              <button type="button" class="text-button" onClick={() => setConfirmDiscard(false)}>
                Keep them
              </button>
            </>
          ) : (
            <button type="button" class="text-button" onClick={() => setConfirmDiscard(true)}>
              Discard set-aside items…
            </button>
          )}
        </p>
      )}
      {state.newer.length > 0 && (
        <p class="notice">
          {plural(state.newer.length, 'saved item')} came from a newer version of this extension and{' '}
          {state.newer.length === 1 ? 'is' : 'are'} kept unchanged; update the extension to see{' '}
          {state.newer.length === 1 ? 'it' : 'them'}.
        </p>
      )}
    </div>
  );
}

export function ImportSummary({
  report,
}: {
  report: ImportReport & { file: string; failed: string[] };
}) {
  if (report.error) return <p class="notice notice-error">Nothing imported. {report.error}</p>;
  const imported = report.toSave.length - report.failed.length;
  return (
    <div class="notice">
      <p>
        From {report.file}: imported {plural(imported, 'item')}, skipped{' '}
        {plural(report.skipped.length + report.failed.length, 'item')}.
      </p>
      {(report.skipped.length > 0 || report.failed.length > 0) && (
        <ul class="import-skipped">
          {report.skipped.map((s) => (
            <li key={s.entry}>
              {s.entry} “{s.label}”: {s.reason}
            </li>
          ))}
          {report.failed.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
