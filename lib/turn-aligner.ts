/**
 * Finds where each speaker turn starts in an unlabelled transcript, given the turn list
 * (speaker + start time per turn). General tool: nothing in here knows about one episode.
 */
import type { TurnPin } from './turn-pins';

export type { TurnPin } from './turn-pins';

export interface TurnCue {
  /** Person id. */
  speaker: string;
  /** Seconds from the start of the episode. */
  start: number;
}

/** First character of a turn: `lines[line][column]`. */
export interface TurnStart {
  line: number;
  column: number;
}

export interface AlignInput {
  lines: string[];
  cues: TurnCue[];
  pins?: TurnPin[];
}

/**
 * Returns one start per cue, in order, strictly increasing; result[0] is {line:0,column:0}.
 * First version: proportional by word count, snapped to line starts.
 */
export function alignTurns(input: AlignInput): TurnStart[] {
  const { lines, cues } = input;
  if (cues.length === 0) return [];
  const words = lines.map((l) => l.split(/\s+/).filter(Boolean).length);
  const total = words.reduce((a, b) => a + b, 0);
  const end = cues[cues.length - 1].start + 10;
  const result: TurnStart[] = [{ line: 0, column: 0 }];
  let cum = 0;
  let li = 0;
  for (let k = 1; k < cues.length; k++) {
    const target = (cues[k].start / end) * total;
    while (li < lines.length - 1 && cum + words[li] <= target) cum += words[li++];
    const prev = result[k - 1].line;
    const remaining = cues.length - k;
    const line = Math.min(Math.max(li, prev + 1), lines.length - remaining);
    result.push({ line, column: 0 });
  }
  return result;
}
