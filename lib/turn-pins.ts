/**
 * Turn pins: curated fixes for turn starts the aligner gets wrong. A pin names a cue (start time
 * + speaker) and the first words of the turn.
 */
import { parseTime } from './time';

export interface TurnPin {
  /** Seconds; must equal the cue's start. */
  start: number;
  speaker: string;
  /** First words of the turn (compared case-insensitively, whitespace-normalised). */
  startsWith: string;
}

export function parseTurnPins(text: string, fileName: string): TurnPin[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${fileName}:1: invalid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) throw new Error(`${fileName}:1: expected an array of pins`);
  return data.map((raw, i) => {
    const where = `${fileName}:1: pin ${i + 1}`;
    if (typeof raw !== 'object' || raw === null) throw new Error(`${where}: not an object`);
    const o = raw as Record<string, unknown>;
    const start = typeof o.start === 'string' ? parseTime(o.start) : undefined;
    if (start === undefined) throw new Error(`${where}: "start" must be a time like "00:01:16"`);
    if (typeof o.speaker !== 'string' || !o.speaker.trim())
      throw new Error(`${where}: "speaker" must be a non-empty string`);
    if (typeof o.startsWith !== 'string' || !o.startsWith.trim())
      throw new Error(`${where}: "startsWith" must be a non-empty string`);
    return { start, speaker: o.speaker, startsWith: o.startsWith };
  });
}
