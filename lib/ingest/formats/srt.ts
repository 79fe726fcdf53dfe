/**
 * SRT (SubRip, `application/x-subrip`) transcripts, as the Podcasting 2.0 transcript spec allows:
 * numbered cues with `HH:MM:SS,mmm --> HH:MM:SS,mmm` timings and text over one or more lines, the
 * speaker named by a `Name:` prefix where it changes (voice tags are read too). SRT has no escaping:
 * the words are kept as written, only formatting tags (`<i>`, `<b>`, `<u>`, `<font>`) are dropped.
 */

import type { Turn } from '../../episode/schema';
import { SourceError } from '../source-error';
import {
  type Cue,
  checkOrder,
  cuesToTurns,
  shareCue,
  type TranscriptImportOptions,
  textBlocks,
} from './cues';
import { payloadRuns } from './webvtt';

const TIMESTAMP = /^(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})$/;
/** A timing line; SubRip players also accept position coordinates after the end time. */
const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/;
const FORMATTING = /<\/?(?:i|b|u|font)(?:[ \t][^>]*)?>|\{\\[^}]*\}/gi;

function parseTimestamp(text: string, file: string, line: number): number {
  const m = TIMESTAMP.exec(text);
  if (!m || Number(m[2]) > 59 || Number(m[3]) > 59) {
    throw new SourceError(file, line, `invalid timestamp "${text}" (expected HH:MM:SS,mmm)`);
  }
  const fraction = Number(m[4]!.padEnd(3, '0')) / 1000;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + fraction;
}

export function parseSrt(text: string, file: string, options: TranscriptImportOptions = {}): Cue[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const cues: Cue[] = [];
  for (const { at: blockStart, lines: block } of textBlocks(lines, 0)) {
    // The cue number is optional in practice; the timing line is not.
    const timingAt = (block[0] ?? '').includes('-->') ? 0 : 1;
    const timingLine = blockStart + timingAt + 1;
    if (timingAt === 1 && block.length === 1) {
      throw new SourceError(file, timingLine - 1, 'truncated cue: a cue number with no timing');
    }
    const timing = TIMING.exec((block[timingAt] ?? '').trim());
    if (!timing) {
      throw new SourceError(file, timingLine, 'expected a cue timing line "start --> end"');
    }
    const start = parseTimestamp(timing[1]!, file, timingLine);
    const end = parseTimestamp(timing[2]!, file, timingLine);
    checkOrder(cues, start, end, file, timingLine);
    const payload = block.slice(timingAt + 1).join('\n');
    const runs = payloadRuns(payload, options.speakers, (t) => t.replace(FORMATTING, ''));
    if (runs.length === 0) {
      throw new SourceError(file, timingLine, 'truncated cue: it has a timing but no text');
    }
    cues.push(...shareCue(runs, start, end, timingLine));
  }
  if (cues.length === 0) throw new SourceError(file, lines.length, 'the file has no cues');
  return cues;
}

export function importSrt(
  text: string,
  file: string,
  options: TranscriptImportOptions = {},
): { turns: Turn[] } {
  return cuesToTurns(parseSrt(text, file, options), file, options);
}
