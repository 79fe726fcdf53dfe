/**
 * Time maths of following playback in the transcript: which sentence is being spoken at a
 * moment (binary search over start times) and which sentence is before or after it. Nothing here
 * touches the DOM, so every time update costs a search over ~700 numbers and a comparison.
 */
import type { Episode } from '../episode/schema';

export interface SentenceRef {
  turn: number;
  sentence: number;
  start: number;
}

export interface SentenceTimeline {
  refs: readonly SentenceRef[];
  /** `refs[i].start`, non-decreasing, for the search. */
  starts: Float64Array;
}

/**
 * Every sentence in speaking order. Sentence starts inside a turn are estimates; should one ever
 * come out before the one preceding it, it is raised to keep the order the search relies on.
 */
export function sentenceTimeline(episode: Episode): SentenceTimeline {
  const refs: SentenceRef[] = [];
  let last = 0;
  episode.transcript.turns.forEach((turn, t) => {
    turn.sentences.forEach((sentence, s) => {
      last = Math.max(last, sentence.start);
      refs.push({ turn: t, sentence: s, start: last });
    });
  });
  return { refs, starts: Float64Array.from(refs, (r) => r.start) };
}

/** Index of the last sentence starting at or before `seconds`; -1 before the first one. */
export function sentenceAt(starts: ArrayLike<number>, seconds: number): number {
  if (!Number.isFinite(seconds)) return -1;
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) <= seconds) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Index of `ref` in the timeline, or -1. */
export function indexOfSentence(
  timeline: SentenceTimeline,
  turn: number,
  sentence: number,
): number {
  // Binary search by (turn, sentence): refs are in that order.
  let lo = 0;
  let hi = timeline.refs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const ref = timeline.refs[mid] as SentenceRef;
    const cmp = ref.turn - turn || ref.sentence - sentence;
    if (cmp === 0) return mid;
    if (cmp < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The sentence `delta` lines away from `from` (clamped to the transcript). From "nowhere" (-1),
 * next is the first sentence and previous stays at the first too.
 */
export function neighbourSentence(count: number, from: number, delta: number): number {
  if (count === 0) return -1;
  if (from < 0) return delta > 0 ? Math.min(count - 1, delta - 1) : 0;
  return Math.max(0, Math.min(count - 1, from + delta));
}

/**
 * Remembers the current sentence; `update` returns the previous and new index only when the
 * current sentence changed, so callers touch the DOM only then.
 */
export function createCurrentSentence(starts: ArrayLike<number>) {
  let current = -1;
  return {
    get: () => current,
    update(seconds: number): { previous: number; current: number } | undefined {
      const next = sentenceAt(starts, seconds);
      if (next === current) return undefined;
      const previous = current;
      current = next;
      return { previous, current };
    },
    reset() {
      current = -1;
    },
  };
}

/**
 * The next distinct line start after (`delta` 1) or before (`delta` -1) the line being spoken at
 * `seconds`; several sentences may share one estimated start, and stepping must not stick on
 * them. Undefined at either end.
 */
export function stepStart(
  starts: ArrayLike<number>,
  seconds: number,
  delta: 1 | -1,
): number | undefined {
  const at = sentenceAt(starts, seconds);
  const here = at >= 0 ? (starts[at] as number) : Number.NEGATIVE_INFINITY;
  if (delta > 0) {
    for (let i = at + 1; i < starts.length; i++) {
      if ((starts[i] as number) > here) return starts[i] as number;
    }
    return undefined;
  }
  for (let i = at; i >= 0; i--) {
    if ((starts[i] as number) < here) return starts[i] as number;
  }
  return undefined;
}
