/**
 * Chooses a transcript's format by its content (a `.txt` may hold SRT, a `.vtt` may be JSON): the
 * WEBVTT header, an SRT cue timing with a comma, or a JSON object. The file's extension only picks
 * the parser whose error message will explain what is wrong when the content fits none of them.
 */

import type { Turn } from '../../episode/schema';
import { SourceError } from '../source-error';
import type { TranscriptImportOptions } from './cues';
import { importPodcastTranscript } from './podcast-json';
import { importSrt } from './srt';
import { importWebVtt } from './webvtt';

export type TranscriptFormat = 'webvtt' | 'srt' | 'podcast-json';

const IMPORTERS: Record<
  TranscriptFormat,
  (text: string, file: string, options: TranscriptImportOptions) => { turns: Turn[] }
> = {
  webvtt: importWebVtt,
  srt: importSrt,
  'podcast-json': importPodcastTranscript,
};

/** SRT writes a comma before the milliseconds (WebVTT a dot), so this timing is SRT's alone. */
const SRT_TIMING = /^\d{1,2}:\d{2}:\d{2},\d{1,3}[ \t]+-->[ \t]+\d{1,2}:\d{2}:\d{2},\d{1,3}/;

export function detectFormat(text: string, file: string): TranscriptFormat | undefined {
  const body = text.replace(/^\uFEFF/, '');
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(body)) return 'webvtt';
  if (/^\s*[{[]/.test(body)) return 'podcast-json';
  // SRT: the first block is a cue number (optional) and a timing line.
  const first = body.trimStart().split(/\r\n|\r|\n/, 2);
  if (first.some((line) => SRT_TIMING.test(line.trim()))) return 'srt';
  const extension = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (extension === 'vtt') return 'webvtt';
  if (extension === 'srt') return 'srt';
  if (extension === 'json') return 'podcast-json';
  return undefined;
}

/** Any timed transcript this ingest reads, as turns of the episode's people. */
export function importTranscript(
  text: string,
  file: string,
  options: TranscriptImportOptions = {},
): { turns: Turn[]; format: TranscriptFormat } {
  const format = detectFormat(text, file);
  if (!format) {
    throw new SourceError(
      file,
      1,
      'not a transcript this ingest reads: expected WebVTT ("WEBVTT" on the first line), ' +
        'SRT (a cue number, then "00:00:01,000 --> 00:00:04,000") or Podcasting 2.0 JSON',
    );
  }
  return { ...IMPORTERS[format](text, file, options), format };
}
