/**
 * WebVTT transcripts, in the styles hosts publish: voice tags (`<v Matthias Endler>text`), `Name:`
 * prefixes where the speaker changes (the speaker carries over to the cues after), or both mixed.
 * Cue text wrapped over lines is joined with a space; cue settings, NOTE, STYLE and REGION blocks
 * are ignored; overlapping or zero-length cues are kept. Errors name the file and line.
 */

import type { Turn } from '../../episode/schema';
import { SourceError } from '../source-error';
import {
  type Cue,
  checkOrder,
  cuesToTurns,
  prefixRuns,
  type Run,
  shareCue,
  type TranscriptImportOptions,
  textBlocks,
} from './cues';

const TIMESTAMP = /^(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})$/;
const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  lrm: '',
  rlm: '',
  quot: '"',
  apos: "'",
};

function parseTimestamp(text: string, file: string, line: number): number {
  const m = TIMESTAMP.exec(text);
  if (!m || Number(m[2]) > 59 || Number(m[3]) > 59) {
    throw new SourceError(
      file,
      line,
      `invalid timestamp "${text}" (expected HH:MM:SS.mmm or MM:SS.mmm)`,
    );
  }
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

function decode(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/**
 * Splits a cue payload into runs by voice tags; other tags are dropped. Text outside any voice tag
 * is split further at `Name:` prefixes that name a person of the episode.
 */
export function payloadRuns(
  payload: string,
  speakers: ReadonlyMap<string, string> | undefined,
  markup: (text: string) => string = (t) => decode(t.replace(/<[^>]*>/g, '')),
): Run[] {
  const runs: Run[] = [];
  let speaker: string | undefined;
  let current = '';
  const flush = () => {
    if (current.trim()) {
      const text = markup(current);
      if (speaker !== undefined) runs.push({ speaker, text: text.replace(/\s+/g, ' ').trim() });
      else runs.push(...prefixRuns(text.split('\n'), speakers));
    }
    current = '';
  };
  for (const part of payload.split(/(<\/?v(?:\.[^\s>]*)?(?:[ \t][^>]*)?>)/)) {
    const open = /^<v(?:\.[^\s>]*)?[ \t]+([^>]*)>$/.exec(part);
    if (open) {
      flush();
      speaker = decode(open[1]!.trim());
    } else if (/^<\/v>$/.test(part)) {
      flush();
      speaker = undefined;
    } else {
      current += part;
    }
  }
  flush();
  return runs.filter((r) => r.text);
}

export function parseWebVtt(
  text: string,
  file: string,
  options: TranscriptImportOptions = {},
): Cue[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    throw new SourceError(file, 1, 'not a WebVTT file (the first line must be "WEBVTT")');
  }
  const cues: Cue[] = [];
  for (const { at: blockStart, lines: block } of textBlocks(lines, 1)) {
    const first = block[0] ?? '';
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue;
    const timingAt = first.includes('-->') ? 0 : 1;
    const timingLine = blockStart + timingAt + 1;
    if (timingAt === 1 && block.length === 1) {
      throw new SourceError(file, timingLine - 1, 'truncated cue: an identifier with no timing');
    }
    const timing = TIMING.exec((block[timingAt] ?? '').trim());
    if (!timing) {
      throw new SourceError(file, timingLine, 'expected a cue timing line "start --> end"');
    }
    const start = parseTimestamp(timing[1]!, file, timingLine);
    const end = parseTimestamp(timing[2]!, file, timingLine);
    checkOrder(cues, start, end, file, timingLine);
    const runs = payloadRuns(block.slice(timingAt + 1).join('\n'), options.speakers);
    if (runs.length === 0) {
      throw new SourceError(file, timingLine, 'truncated cue: it has a timing but no text');
    }
    cues.push(...shareCue(runs, start, end, timingLine));
  }
  if (cues.length === 0) throw new SourceError(file, lines.length, 'the file has no cues');
  return cues;
}

export function importWebVtt(
  text: string,
  file: string,
  options: TranscriptImportOptions = {},
): { turns: Turn[] } {
  return cuesToTurns(parseWebVtt(text, file, options), file, options);
}
