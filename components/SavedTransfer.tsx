/** Export (Markdown, JSON with set-aside values) and import with a report, for the Saved tab. */
import { useRef, useState } from 'preact/hooks';
import type { Episode } from '@/lib/episode/schema';

import type { Favourite } from '@/lib/favourites/schema';
import type { FavouritesStore, ListedSetAside } from '@/lib/favourites/store';
import {
  exportFileName,
  exportJson,
  exportMarkdown,
  type ImportReport,
  planImport,
} from '@/lib/favourites/transfer';
import { download, plural } from './SavedNotices';

type Report = ImportReport & { file: string; failed: string[] };

interface SavedTransferProps {
  Heading: 'h2' | 'h3';
  episode?: Episode;
  store: FavouritesStore;
  records: Favourite[];
  setAside: ListedSetAside[];
  /** What is saved already, by key, so an import skips it (and says when its note differs). */
  saved: ReadonlyMap<string, Favourite>;
}

export function SavedTransfer({
  Heading,
  episode,
  store,
  records,
  setAside,
  saved,
}: SavedTransferProps) {
  const [report, setReport] = useState<Report | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const picking = useRef(false);

  const importFile = async (file: File) => {
    const plan = planImport(file.name, await file.text(), saved);
    const failed: string[] = [];
    for (const record of plan.toSave) {
      try {
        await store.save(record);
      } catch (error) {
        failed.push(
          `${record.kind === 'link' ? record.title : record.text}: ${(error as Error).message}`,
        );
      }
    }
    setReport({ ...plan, file: file.name, failed });
  };

  return (
    <section class="saved-transfer" aria-labelledby="saved-transfer">
      <Heading id="saved-transfer" class="group-heading">
        Export and import
      </Heading>
      <p class="saved-actions">
        <button
          type="button"
          class="text-button"
          disabled={records.length === 0}
          onClick={() =>
            download(exportMarkdown(records, episode), 'text/markdown', exportFileName('md'))
          }
        >
          Export Markdown
        </button>
        <button
          type="button"
          class="text-button"
          disabled={records.length === 0 && setAside.length === 0}
          onClick={() =>
            download(exportJson(records, setAside), 'application/json', exportFileName('json'))
          }
        >
          Export JSON
        </button>
        <label class="text-button file-label">
          Import JSON
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            class="sr-only"
            // The file picker opens only from the listener's own click; the file it hands back is
            // read only after such a click (a page script can fill the input and fire `change`).
            onClick={(event) => {
              picking.current = event.isTrusted !== false;
            }}
            // The listener closed the picker without a file: the next change is not theirs.
            onCancel={() => {
              picking.current = false;
            }}
            onChange={(event) => {
              const picked = picking.current || event.isTrusted === true;
              picking.current = false;
              const input = event.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (!picked || !file) {
                input.value = '';
                return;
              }
              void importFile(file).finally(() => {
                if (fileInput.current) fileInput.current.value = '';
              });
            }}
          />
        </label>
      </p>
      <div aria-live="polite" class="import-report">
        {report && <ImportSummary report={report} />}
      </div>
    </section>
  );
}

export function ImportSummary({ report }: { report: Report }) {
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
