/**
 * Minimal reader of a page's transcript block and turn list, for the aligner's report and tests.
 * The product build uses the page parser; this stays small so the aligner can be measured alone.
 */
import { parseTime } from '../../time';
import type { TurnCue } from './aligner';

export interface TranscriptBlock {
  /** Transcript lines, as in the file. */
  lines: string[];
  /** 1-based file line of lines[0]. */
  firstLine: number;
  /** The host from 0 s, then one cue per listed turn (speaker = name as listed). */
  cues: TurnCue[];
}

const TIME = /^\d{2}:\d{2}:\d{2}$/;

export function readTranscriptBlock(text: string, fileName: string, host: string): TranscriptBlock {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  if (all.at(-1) === '') all.pop();
  const heading = all.indexOf('Transcript');
  if (heading < 0) throw new Error(`${fileName}: no "Transcript" heading`);
  // The turn list is the trailing run of "Name" / "HH:MM:SS" pairs.
  let listStart = all.length;
  while (
    listStart - 2 > heading &&
    TIME.test(all[listStart - 1] ?? '') &&
    !TIME.test(all[listStart - 2] ?? '')
  )
    listStart -= 2;
  if (listStart === all.length) throw new Error(`${fileName}: no turn list after the transcript`);
  const cues: TurnCue[] = [{ speaker: host, start: 0 }];
  for (let i = listStart; i < all.length; i += 2) {
    const start = parseTime(all[i + 1] ?? '');
    if (start === undefined) throw new Error(`${fileName}:${i + 2}: bad time "${all[i + 1]}"`);
    cues.push({ speaker: (all[i] ?? '').trim(), start });
  }
  return { lines: all.slice(heading + 1, listStart), firstLine: heading + 2, cues };
}
