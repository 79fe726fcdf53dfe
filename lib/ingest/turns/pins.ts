/**
 * Turn pins: curated fixes for turn starts the aligner gets wrong. A pin names a cue (start time
 * + speaker) and the first words of the turn; the turn then starts at the first occurrence of
 * those words after the previous turn's start.
 *
 * File format (JSON): { "pins": [ { "start": "00:42:05", "speaker": "greg-kroah-hartman",
 * "startsWith": "that's a very", "reason": "why the aligner cannot find it" }, ... ] }
 */

import { escapeRegExp } from '../../regexp';
import { parseTime } from '../../time';
import { elementLines, jsonErrorLine } from '../json-lines';

export interface TurnPin {
  /** Seconds; must equal the cue's start. */
  start: number;
  /** Person id; must equal the cue's speaker. */
  speaker: string;
  /** First words of the turn (compared case-insensitively, whitespace-normalised). */
  startsWith: string;
}

export function parseTurnPins(text: string, fileName: string): TurnPin[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    throw new Error(`${fileName}:${jsonErrorLine(text, message)}: invalid JSON (${message})`);
  }
  const list =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>).pins
      : undefined;
  if (!Array.isArray(list))
    throw new Error(`${fileName}:1: expected an object with a "pins" array`);
  // Pins are the objects directly inside the array at depth 2; nested objects are not expected.
  const lines = elementLines(text);
  const seen = new Set<string>();
  return list.map((raw, i) => {
    const where = `${fileName}:${lines[i] ?? 1}: pin ${i + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new Error(`${where}: not an object`);
    const o = raw as Record<string, unknown>;
    const unknown = Object.keys(o).filter(
      (key) => !['start', 'speaker', 'startsWith', 'reason'].includes(key),
    );
    if (unknown.length > 0) throw new Error(`${where}: unknown field "${unknown[0]}"`);
    const start = typeof o.start === 'string' ? parseTime(o.start) : undefined;
    if (start === undefined) throw new Error(`${where}: "start" must be a time like "00:01:16"`);
    if (typeof o.speaker !== 'string' || !o.speaker.trim())
      throw new Error(`${where}: "speaker" must be a person id`);
    if (typeof o.startsWith !== 'string' || !o.startsWith.trim())
      throw new Error(`${where}: "startsWith" must be the first words of the turn`);
    if (typeof o.reason !== 'string' || !o.reason.trim())
      throw new Error(`${where}: "reason" must say why the pin is needed`);
    const key = `${start}|${o.speaker}`;
    if (seen.has(key)) throw new Error(`${where}: a pin for this turn already exists`);
    seen.add(key);
    return { start, speaker: o.speaker, startsWith: o.startsWith };
  });
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[’]/g, "'");
}

/**
 * Offsets of the word starts in `text` where `words` occur (case-insensitive, any run of
 * whitespace matching any other, line breaks included).
 */
export function pinOccurrences(
  text: string,
  words: string,
  wordStarts: readonly number[],
): number[] {
  const tokens = normalise(words).split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return [];
  const escaped = tokens.map(escapeRegExp);
  // A pin's last word must end where a word ends ("so" must not match "some").
  const wordEnd = /[\p{L}\p{N}]$/u.test(tokens.at(-1) ?? '') ? '(?![\\p{L}\\p{N}])' : '';
  const pattern = new RegExp(escaped.join('\\s+') + wordEnd, 'gu');
  const hay = normalise(text);
  const starts = new Set(wordStarts);
  const found: number[] = [];
  for (const m of hay.matchAll(pattern)) if (starts.has(m.index)) found.push(m.index);
  return found;
}
