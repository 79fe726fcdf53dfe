/**
 * Splits a turn's text into sentences: the unit that search returns and a listener seeks to.
 * The words are never changed: joining the sentences with single spaces gives back the turn text
 * (whitespace-normalised), so what is shown is exactly what was transcribed.
 */
import type { Sentence } from '../episode/schema';

/** Joins a turn's transcript lines (or line fragments) with single spaces. */
export function joinTurnText(parts: readonly string[]): string {
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Lower-case abbreviations (without their final dot) that do not end a sentence. */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'vs',
  'e.g',
  'i.e',
  'cf',
  'approx',
  'jr',
  'sr',
  'no',
  'ca',
]);
/** Words before which a long unpunctuated run is best cut. */
const STARTERS = new Set([
  'and',
  'but',
  'so',
  'now',
  'i',
  "i'm",
  "i've",
  "i'd",
  "i'll",
  'because',
  'then',
  'or',
  'well',
  'yeah',
  'okay',
  'anyway',
]);

export const MAX_WORDS = 30;
const MIN_WORDS = 10;
const TARGET_WORDS = 22;

const CLOSERS = /["”’')\]]*$/;

function bare(word: string): string {
  return word
    .toLowerCase()
    .replace(/^["“‘'(]+/, '')
    .replace(/["”’')\],;:]+$/, '');
}

function startsUpper(word: string | undefined): boolean {
  if (word === undefined) return false;
  return /^["“‘'(]*\p{Lu}/u.test(word) || /^["“‘'(]*\d/.test(word);
}

/** Whether `word` ends a sentence, given the word after it. */
function endsSentence(word: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  const core = word.replace(CLOSERS, '');
  if (/(\.\.\.|…)$/.test(core)) {
    // "with... I mean" trails off mid-thought; a capitalised word other than "I" starts anew.
    return startsUpper(next) && !/^["“]?I(?:'|’|\b)/.test(next);
  }
  if (/[!?]$/.test(core)) return true;
  if (!core.endsWith('.')) return false;
  const stem = core
    .slice(0, -1)
    .toLowerCase()
    .replace(/^["“‘'(]+/, '');
  if (ABBREVIATIONS.has(stem)) return false;
  if (stem === 'etc' || /^(\p{L}\.)+\p{L}$/u.test(stem)) return startsUpper(next);
  return true;
}

/** Cuts an over-long run of words into readable pieces at the most natural boundaries. */
function cutLongRun(words: string[]): string[][] {
  const pieces: string[][] = [];
  let rest = words;
  while (rest.length > MAX_WORDS) {
    const target = Math.min(TARGET_WORDS, Math.ceil(rest.length / 2));
    const last = Math.min(MAX_WORDS, rest.length - MIN_WORDS);
    let best = Math.min(MAX_WORDS, rest.length - MIN_WORDS);
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let p = MIN_WORDS; p <= last; p++) {
      const before = rest[p - 1] ?? '';
      const after = rest[p] ?? '';
      let score = 0;
      if (/[,;:—–]$/.test(before) || after === '—') score += 3;
      if (STARTERS.has(bare(after))) score += 2;
      if (startsUpper(after) && bare(after) !== 'i') score += 1;
      // Prefer pieces near the target length; a strong boundary outweighs a few words.
      score -= Math.abs(p - target) / 8;
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
    pieces.push(rest.slice(0, best));
    rest = rest.slice(best);
  }
  pieces.push(rest);
  return pieces;
}

/** Splits text into sentences without changing a character of the (space-normalised) words. */
export function splitSentences(text: string): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const runs: string[][] = [];
  let current: string[] = [];
  words.forEach((word, i) => {
    current.push(word);
    if (endsSentence(word, words[i + 1])) {
      runs.push(current);
      current = [];
    }
  });
  if (current.length > 0) runs.push(current);
  return runs.flatMap(cutLongRun).map((run) => run.join(' '));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/**
 * Sentences with start times interpolated by word position between the turn's start and end:
 * speech rate is roughly constant within one turn, which is all the data allows.
 */
export function timeSentences(
  sentences: readonly string[],
  start: number,
  end: number,
): Sentence[] {
  const counts = sentences.map(wordCount);
  const total = counts.reduce((a, b) => a + b, 0);
  const span = Math.max(0, end - start);
  let before = 0;
  return sentences.map((text, i) => {
    const at = total === 0 ? start : start + (span * before) / total;
    before += counts[i] ?? 0;
    return { start: i === 0 ? start : Math.max(start, Math.round(at * 100) / 100), text };
  });
}

/** Convenience: the timed sentences of one turn's text. */
export function turnSentences(text: string, start: number, end: number): Sentence[] {
  return timeSentences(splitSentences(text), start, end);
}
