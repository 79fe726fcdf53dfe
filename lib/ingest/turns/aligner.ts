/**
 * Finds where each speaker turn starts in an unlabelled transcript, given the turn list
 * (speaker + start time per turn). General tool: nothing in here knows about one episode.
 *
 * Method: dynamic programming over candidate starts (line starts, sentence starts inside lines,
 * a reply's first word glued to the end of the previous line). A path costs the misfit of each
 * turn's word count against its duration times the speaker's speaking rate, plus textual
 * evidence at each boundary (see turn-score.ts). Rates are estimated from the data: first
 * globally, then per speaker from the previous pass's alignment.
 */

import { pinOccurrences, type TurnPin } from './pins';
import { boundaryCost, durationCost, KIND_COST } from './score';
import {
  buildText,
  type Candidate,
  findCandidates,
  type TranscriptText,
  toLineColumn,
  wordsBefore,
} from './text';

export type { TurnPin } from './pins';

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

const PASSES = 3;
/** Prior weight, in seconds, pulling a speaker's rate towards the overall rate. */
const RATE_PRIOR_SECONDS = 60;
/** Transitions whose time misfit exceeds this are not considered (keeps the search small). */
const MAX_DURATION_COST = 40;

/**
 * Returns one start per cue, in order, strictly increasing; result[0] is {line:0,column:0}.
 * Throws if a pin names no cue, its words do not occur, or the text has fewer words than cues.
 */
export function alignTurns(input: AlignInput): TurnStart[] {
  const { lines, cues } = input;
  if (cues.length === 0) return [];
  const t = buildText(lines);
  if (t.wordStarts.length < cues.length)
    throw new Error(`transcript has ${t.wordStarts.length} words for ${cues.length} turns`);
  const pinned = resolvePins(t, cues, input.pins ?? []);
  const candidates = findCandidates(t);
  const start0: Candidate = { offset: t.wordStarts[0] ?? 0, word: 0, kind: 'line' };
  if (candidates[0]?.offset !== start0.offset) candidates.unshift(start0);
  for (const occurrences of pinned.values())
    for (const c of occurrences) addCandidate(candidates, c);

  const lastStart = cues.at(-1)?.start ?? 0;
  let rates = cues.map(() => t.wordStarts.length / Math.max(1, lastStart));
  let path: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    path = bestPath(t, cues, candidates, pinned, rates);
    rates = estimateRates(cues, candidates, path);
  }
  return path.map((ci, k) =>
    k === 0 ? { line: 0, column: 0 } : toLineColumn(t, candidates[ci]?.offset ?? 0),
  );
}

function addCandidate(candidates: Candidate[], c: Candidate): void {
  let i = candidates.findIndex((x) => x.offset >= c.offset);
  if (i < 0) i = candidates.length;
  if (candidates[i]?.offset !== c.offset) candidates.splice(i, 0, c);
}

function resolvePins(
  t: TranscriptText,
  cues: TurnCue[],
  pins: TurnPin[],
): Map<number, Candidate[]> {
  const byCue = new Map<number, Candidate[]>();
  for (const pin of pins) {
    const label = `pin ${pin.speaker} at ${pin.start}s ("${pin.startsWith}")`;
    const matches = cues.flatMap((c, k) =>
      c.start === pin.start && c.speaker === pin.speaker ? [k] : [],
    );
    if (matches.length === 0) throw new Error(`${label}: no turn with that start and speaker`);
    if (matches.length > 1) throw new Error(`${label}: several turns have that start and speaker`);
    const k = matches[0] ?? 0;
    if (k === 0) throw new Error(`${label}: the first turn always starts at the beginning`);
    if (byCue.has(k)) throw new Error(`${label}: this turn is pinned twice`);
    const offsets = pinOccurrences(t.text, pin.startsWith, t.wordStarts);
    if (offsets.length === 0)
      throw new Error(`${label}: these words do not occur in the transcript`);
    byCue.set(
      k,
      offsets.map((offset) => ({ offset, word: wordsBefore(t, offset), kind: 'line' as const })),
    );
  }
  return byCue;
}

function bestPath(
  t: TranscriptText,
  cues: TurnCue[],
  candidates: Candidate[],
  pinned: Map<number, Candidate[]>,
  rates: number[],
): number[] {
  const n = candidates.length;
  const host = cues[0]?.speaker ?? '';
  const offsetIndex = new Map(candidates.map((c, i) => [c.offset, i]));
  let cost = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  cost[0] = 0;
  const back: Int32Array[] = [new Int32Array(n).fill(-1)];
  for (let k = 1; k < cues.length; k++) {
    const cue = cues[k] as TurnCue;
    const prev = cues[k - 1] as TurnCue;
    const seconds = cue.start - prev.start;
    const rate = rates[k - 1] ?? 3;
    const next = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const from = new Int32Array(n).fill(-1);
    const ctx = {
      speaker: cue.speaker,
      previousSpeaker: prev.speaker,
      host,
      seconds: (cues[k + 1]?.start ?? Number.POSITIVE_INFINITY) - cue.start,
    };
    const textCost = new Map<number, number>();
    const boundary = (j: number) => {
      let v = textCost.get(j);
      if (v === undefined) {
        v = boundaryCost(t, candidates[j] as Candidate, ctx);
        textCost.set(j, v);
      }
      return v;
    };
    const pins = pinned.get(k)?.map((c) => offsetIndex.get(c.offset) ?? -1);
    for (let i = 0; i < n; i++) {
      const base = cost[i] ?? Number.POSITIVE_INFINITY;
      if (!Number.isFinite(base)) continue;
      const wi = (candidates[i] as Candidate).word;
      const relax = (j: number, text: number) => {
        const d = durationCost((candidates[j] as Candidate).word - wi, seconds, rate);
        const total = base + d + text;
        if (total < (next[j] ?? Number.POSITIVE_INFINITY)) {
          next[j] = total;
          from[j] = i;
        }
        return d;
      };
      if (pins) {
        // A pin means the first occurrence after the previous turn's start.
        const j = pins.find((p) => p > i);
        if (j !== undefined) relax(j, KIND_COST.pin);
        continue;
      }
      for (let j = i + 1; j < n; j++) {
        const c = candidates[j] as Candidate;
        if (c.word === wi) continue;
        const d = relax(j, boundary(j));
        if (d > MAX_DURATION_COST && c.word - wi > rate * seconds) break;
      }
    }
    cost = next;
    back.push(from);
  }
  let end = -1;
  let best = Number.POSITIVE_INFINITY;
  cost.forEach((v, j) => {
    if (v < best) {
      best = v;
      end = j;
    }
  });
  if (end < 0) throw new Error('no alignment satisfies the pins and the turn order');
  const path = [end];
  for (let k = cues.length - 1; k > 0; k--) path.unshift(back[k]?.[path[0] ?? 0] ?? 0);
  return path;
}

/** Words per second for each turn: its speaker's pace (previous pass), pulled towards everyone's. */
function estimateRates(cues: TurnCue[], candidates: Candidate[], path: number[]): number[] {
  const turns = cues.slice(0, -1).map((cue, k) => ({
    speaker: cue.speaker,
    words: (candidates[path[k + 1] ?? 0]?.word ?? 0) - (candidates[path[k] ?? 0]?.word ?? 0),
    secs: (cues[k + 1]?.start ?? 0) - cue.start,
  }));
  const sum = (list: typeof turns) =>
    list.reduce((a, t) => ({ words: a.words + t.words, secs: a.secs + t.secs }), {
      words: 0,
      secs: 0,
    });
  const all = sum(turns);
  const overall = all.secs > 0 ? all.words / all.secs : 3;
  const bySpeaker = new Map<string, number>();
  for (const speaker of new Set(cues.map((c) => c.speaker))) {
    const s = sum(turns.filter((t) => t.speaker === speaker));
    bySpeaker.set(
      speaker,
      (s.words + overall * RATE_PRIOR_SECONDS) / (s.secs + RATE_PRIOR_SECONDS),
    );
  }
  // A local pace (nearby turns only) was tried and did worse: too few words to be stable.
  return cues.map((cue) => bySpeaker.get(cue.speaker) ?? overall);
}
