/**
 * Costs used by the turn aligner, in "negative log-likelihood" units: the time fit of a turn's
 * word count and the textual evidence for a turn starting at a candidate.
 */
import { bareWord, type Candidate, type TranscriptText } from './text';

export const SIGMA_BASE = 3;
export const SIGMA_SHARE = 0.2;
const HUBER = 3;

/** Misfit of `words` spoken in `seconds` at `rate` words/s (Gaussian, wider for long turns). */
export function durationCost(words: number, seconds: number, rate: number): number {
  const expected = rate * Math.max(0, seconds);
  // Turn-list times are whole seconds and diarisation drifts by a second or two; long turns
  // vary more in pace. Huber-shaped so one odd turn cannot drag its neighbours along.
  const sigma = SIGMA_BASE + SIGMA_SHARE * expected;
  const z = Math.abs(words - expected) / sigma;
  return z <= HUBER ? 0.5 * z * z : HUBER * (z - 0.5 * HUBER);
}

export const KIND_COST: Record<Candidate['kind'] | 'pin', number> = {
  line: 0,
  sentence: 2.5,
  tail: 0.5,
  pin: 0,
};

/** Name parts of a person id such as "alice-ryhl" (ids are slugs of names). */
export function nameParts(speaker: string): string[] {
  return speaker
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((p) => p.length >= 3);
}

export interface BoundaryContext {
  speaker: string;
  previousSpeaker: string;
  host: string;
  /** Seconds until the next cue (Infinity for the last). */
  seconds: number;
}

function wordsAround(t: TranscriptText, c: Candidate, before: number, after: number) {
  const from = Math.max(0, c.word - before);
  const slice = (a: number, b: number) =>
    t.wordStarts.slice(a, b).map((s, i) => {
      const next = t.wordStarts[a + i + 1] ?? t.text.length;
      return t.text.slice(s, next).trim();
    });
  return { before: slice(from, c.word), after: slice(c.word, c.word + after) };
}

/** Textual cost of cue `ctx.speaker`'s turn starting at `c` (negative = evidence for). */
export function boundaryCost(t: TranscriptText, c: Candidate, ctx: BoundaryContext): number {
  let cost = KIND_COST[c.kind];
  const { before, after } = wordsAround(t, c, 30, 8);
  const prev = before.at(-1) ?? '';
  const first = after[0] ?? '';
  if (/\?["”’)]*$/.test(prev)) cost -= ctx.previousSpeaker === ctx.host ? 2 : 1.2;
  else if (/[.!…]["”’)]*$/.test(prev)) cost -= 0.3;
  else if (c.kind !== 'tail' && prev) cost += /,$/.test(prev) ? 0.6 : 1.2;
  if (c.kind === 'line' && /^\p{Ll}/u.test(first)) cost += 1;
  // Tried and measured worse on the gold episode (kept out): penalising the line start after a
  // glued-on opener, and a bonus for a line start after a cut-off sentence ("...yes and.").
  const names = nameParts(ctx.speaker);
  const isName = (w: string) => names.includes(bareWord(w));
  // Being addressed by name shortly before is evidence the person speaks next...
  if (ctx.previousSpeaker !== ctx.speaker && before.slice(-25).some(isName)) cost -= 1;
  // ...while one's own name in the first words is usually someone addressing them, unless it
  // is an introduction ("I'm Alice").
  const own = after.slice(0, 3).findIndex(isName);
  if (own >= 0) {
    const intro = after.slice(0, own + 1).some((w) => /^(i'm|i’m|am|is)$/i.test(bareWord(w)));
    cost += intro ? -1.5 : 1.5;
  }
  // A very short sentence ("Yeah.", "Exactly.") fits a very short cue.
  const sentenceLength = after.findIndex((w) => /[.?!]$/.test(w)) + 1;
  if (sentenceLength > 0 && sentenceLength <= 3 && ctx.seconds <= 3) cost -= 0.5;
  return cost;
}
