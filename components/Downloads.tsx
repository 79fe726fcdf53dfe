import { type ExportFormat, exportFile } from '@/lib/episode/export';
import type { Episode } from '@/lib/episode/schema';
import { useDisclosure } from './useDisclosure';

const CHOICES: ReadonlyArray<{ format: ExportFormat; label: string; detail: string }> = [
  { format: 'markdown', label: 'Transcript as Markdown', detail: 'speakers, times, chapters' },
  { format: 'webvtt', label: 'Transcript as WebVTT', detail: 'captions with voice tags' },
  { format: 'podcast-json', label: 'Transcript as Podcasting 2.0 JSON', detail: 'segments' },
  { format: 'chapters-json', label: 'Chapters as Podcasting 2.0 JSON', detail: 'start, title' },
];

/** Saves `text` as a file through a download link (no download permission needed). */
function download(name: string, type: string, text: string, where: Node): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  where.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the URL is kept a while for slow
  // download managers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The transcript and chapters in open formats, built from the packaged episode on demand. */
export function Downloads({ episode }: { episode: Episode }) {
  const { open, toggle, close, rootRef, toggleRef } = useDisclosure();
  const choices = CHOICES.filter((c) => c.format !== 'chapters-json' || episode.chapters?.length);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Esc closes the disclosure from any of its buttons
    <div ref={rootRef} class="downloads" onKeyDown={onKeyDown}>
      <button
        ref={toggleRef}
        type="button"
        class="icon-button download-toggle"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls="download-list"
        aria-label="Download transcript"
        title="Download transcript or chapters"
        onClick={toggle}
      >
        <span class="download-icon" aria-hidden="true" />
      </button>
      <ul id="download-list" class="download-list" aria-label="Downloads" hidden={!open}>
        {choices.map(({ format, label, detail }) => (
          <li key={format}>
            <button
              type="button"
              class="download-item"
              aria-label={`Download ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
              onClick={() => {
                const file = exportFile(episode, format);
                if (rootRef.current) download(file.name, file.type, file.text, rootRef.current);
                close();
              }}
            >
              <span class="download-label">{label}</span>
              <span class="download-detail">{detail}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
