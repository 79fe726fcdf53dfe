/**
 * How far sentence start times interpolated over a whole turn (all the page's text allows) are
 * from the times a timed transcript's cues give, for the report that justifies reading cues.
 */
import type { Turn } from '../episode/schema';
import { turnSentences } from './sentences';

export interface TimeDifference {
  /** Index of the turn and of the sentence inside it. */
  turn: number;
  sentence: number;
  cue: number;
  interpolated: number;
  text: string;
}

export interface TimeReport {
  /** Sentences compared: every sentence but a turn's first, whose start is the turn's either way. */
  sentences: number;
  meanSeconds: number;
  medianSeconds: number;
  p90Seconds: number;
  maxSeconds: number;
  worst: TimeDifference | undefined;
}

/** Compares each sentence's cue time with the time interpolated by word position over its turn. */
export function compareWithInterpolated(turns: readonly Turn[]): TimeReport {
  const differences: TimeDifference[] = [];
  turns.forEach((turn, t) => {
    const text = turn.sentences.map((s) => s.text).join(' ');
    const interpolated = turnSentences(text, turn.start, turn.end);
    turn.sentences.forEach((sentence, k) => {
      if (k === 0) return;
      differences.push({
        turn: t,
        sentence: k,
        cue: sentence.start,
        interpolated: interpolated[k]?.start ?? turn.start,
        text: sentence.text,
      });
    });
  });
  const gaps = differences.map((d) => Math.abs(d.cue - d.interpolated)).sort((a, b) => a - b);
  const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.ceil(q * gaps.length) - 1)] ?? 0;
  const worst = differences.reduce<TimeDifference | undefined>(
    (w, d) => (!w || Math.abs(d.cue - d.interpolated) > Math.abs(w.cue - w.interpolated) ? d : w),
    undefined,
  );
  const round = (s: number) => Math.round(s * 1000) / 1000;
  return {
    sentences: gaps.length,
    meanSeconds: round(gaps.reduce((a, b) => a + b, 0) / (gaps.length || 1)),
    medianSeconds: round(at(0.5)),
    p90Seconds: round(at(0.9)),
    maxSeconds: round(gaps[gaps.length - 1] ?? 0),
    worst,
  };
}
