/**
 * The sidebar's transcript search: fuzzy, typo- and mishearing-tolerant, fast per keystroke.
 *
 * Plain fuse.js over every sentence costs milliseconds a keystroke (bitap over ~1,400 strings,
 * and it splits patterns past 32 characters). Here a word index narrows the transcript to the
 * units that share a word, a prefix or a near word with the query (typos and the glossary's
 * misheard forms included), the units are ranked by how many query words they hold and how
 * closely, exact phrases first, and fuse.js then scores only the best few dozen to order close
 * calls. Highlights come from our own pass over the displayed text, never from Fuse's indices.
 */
import Fuse from 'fuse.js';
import type { Episode } from './episode-schema';
import { EMPTY_GLOSSARY, type Glossary } from './glossary';
import { buildSearchIndex, type Correction, type SearchUnit } from './search-index';
import { STOP_WORDS, tokenize } from './search-text';
import { createWordMatcher, type WordMatches } from './search-words';

export interface SearchHit {
  turn: number;
  sentence: number;
  sentenceCount: number;
  speaker: string;
  start: number;
  text: string;
  highlights: Array<[number, number]>;
  corrections: Correction[];
  /** Lower is better: exact phrases score below 1, other matches between 1 and 2. */
  score: number;
}

export interface TranscriptSearch {
  search(query: string, limit?: number): SearchHit[];
}

/** Words of a query that are read; the rest of a pasted page of text adds nothing. */
const MAX_QUERY_WORDS = 12;
/** Candidates fuse.js re-scores; the others are already out of reach of the top results. */
const FUSE_CANDIDATES = 16;
const FUSE_PATTERN_LENGTH = 32;

interface QueryWord {
  norm: string;
  matches: WordMatches;
  content: boolean;
}

interface Scored {
  id: number;
  unit: SearchUnit;
  phrase: boolean;
  strength: number;
  key: number;
}

function mergeRanges(ranges: Array<[number, number]>, text: string): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    // Neighbouring words separated only by spaces highlight as one phrase.
    if (last && start <= last[1] + 1 && /^\s*$/.test(text.slice(last[1], start)))
      last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export function createTranscriptSearch(
  episode: Episode,
  glossary: Glossary = EMPTY_GLOSSARY,
): TranscriptSearch {
  const index = buildSearchIndex(episode, glossary);
  const matchWord = createWordMatcher(index.vocabulary, index.postings);
  // Reused between searches (and left all zero after each) to spare an allocation a keystroke.
  const scratchBest = new Float64Array(index.units.length);
  const scratchStrength = new Float64Array(index.units.length);
  const scratchFound = new Uint8Array(index.units.length);
  /** Per-unit sums over all but the last word of the previous query (see `search`). */
  const sums = {
    key: '',
    touched: [] as number[],
    found: [] as number[],
    strength: [] as number[],
  };

  function readQuery(query: string): QueryWord[] {
    const tokens = tokenize(query.slice(0, 400), MAX_QUERY_WORDS);
    const typingAt = /[\p{L}\p{N}]$/u.test(query) ? tokens.length - 1 : -1;
    const allStop = tokens.every((t) => STOP_WORDS.has(t.norm));
    return tokens.map((t, i) => {
      // A word just begun (one or two letters after others) narrows nothing yet: it only helps
      // the ranking until it is long enough to mean something.
      const begun = i === typingAt && i > 0 && t.norm.length <= 2;
      return {
        norm: t.norm,
        matches: matchWord(t.norm, i === typingAt),
        content: !begun && (allStop || !STOP_WORDS.has(t.norm)),
      };
    });
  }

  function highlight(unit: SearchUnit, words: QueryWord[], phrase: boolean) {
    const ranges: Array<[number, number]> = [];
    for (const w of unit.words)
      if (words.some((q) => (q.content || phrase) && q.matches.has(w.norm)))
        ranges.push([w.start, w.end]);
    return mergeRanges(ranges, unit.text);
  }

  function search(query: string, limit = 50): SearchHit[] {
    if (typeof query !== 'string' || limit <= 0) return [];
    const words = readQuery(query);
    const content = words.filter((w) => w.content);
    if (content.length === 0) return [];
    // Per unit: how many content words it holds and how strongly, summed word by word from the
    // posting lists, so the cost follows the matches, not the size of the transcript.
    const wordBest = scratchBest;
    const strength = scratchStrength;
    const found = scratchFound;
    let touched: number[] = [];
    // While typing, only the last word changes: the sums over the words before it are kept from
    // the keystroke before and restored instead of walking their postings again.
    const last = words.length - 1;
    const before = words
      .slice(0, last)
      .map((w) => `${w.content ? '+' : '-'}${w.norm}`)
      .join(' ');
    let from = 0;
    if (last > 0 && sums.key === before) {
      touched = sums.touched.slice();
      for (let k = 0; k < touched.length; k++) {
        const id = touched[k] as number;
        found[id] = sums.found[k] as number;
        strength[id] = sums.strength[k] as number;
      }
      from = last;
    }
    for (let w = from; w < words.length; w++) {
      const word = words[w] as QueryWord;
      if (w === last && from === 0 && last > 0) {
        sums.key = before;
        sums.touched = touched.slice();
        sums.found = touched.map((id) => found[id] as number);
        sums.strength = touched.map((id) => strength[id] as number);
      }
      const seen: number[] = [];
      for (const [norm, weight] of word.matches)
        for (const id of index.postings.get(norm) ?? []) {
          const before = wordBest[id] ?? 0;
          if (before === 0) seen.push(id);
          if (before < weight) wordBest[id] = weight;
        }
      for (const id of seen) {
        const weight = wordBest[id] ?? 0;
        wordBest[id] = 0;
        if (word.content) {
          if (found[id] === 0 && strength[id] === 0) touched.push(id);
          found[id] = (found[id] ?? 0) + 1;
          strength[id] = (strength[id] ?? 0) + weight;
        } else if (strength[id] !== 0) strength[id] = (strength[id] ?? 0) + weight * 0.2;
      }
    }
    const needed = content.length <= 2 ? content.length : Math.ceil(content.length * 0.6);
    const phraseText = words.length > 1 ? ` ${words.map((w) => w.norm).join(' ')}` : '';
    const scored: Scored[] = [];
    for (const id of touched) {
      const unit = index.units[id];
      if (!unit || (found[id] ?? 0) < needed) continue;
      const phrase = phraseText.length > 0 && unit.phrase.includes(phraseText);
      scored.push({ id, unit, phrase, strength: (strength[id] ?? 0) / content.length, key: 0 });
    }
    for (const id of touched) {
      strength[id] = 0;
      found[id] = 0;
    }
    // One number per unit orders phrases first, then strength, then sentences before passages,
    // then earlier before later: cheaper than a comparator over several fields.
    for (const s of scored)
      s.key =
        Number(s.phrase) * 4 + s.strength - (s.unit.sentenceCount - 1) * 1e-3 - s.unit.start * 1e-8;
    scored.sort((a, b) => b.key - a.key);

    // fuse.js orders the close calls among the leaders by how the query's letters line up.
    const leaders = scored.slice(0, FUSE_CANDIDATES);
    const pattern = content
      .map((w) => w.norm)
      .join(' ')
      .slice(0, FUSE_PATTERN_LENGTH);
    const fuse = new Fuse(
      leaders.map((s) => s.unit.phrase),
      { includeScore: true, ignoreLocation: true, threshold: 1, isCaseSensitive: true },
    );
    const fuseScore = new Map<number, number>();
    for (const result of fuse.search(pattern)) fuseScore.set(result.refIndex, result.score ?? 1);
    const ranked = leaders
      .map((s, i) => ({
        ...s,
        score: (s.phrase ? 0 : 1) + (1 - s.strength) * 0.8 + (fuseScore.get(i) ?? 1) * 0.2,
      }))
      .sort((a, b) => a.score - b.score || a.unit.sentenceCount - b.unit.sentenceCount);
    const rest = scored
      .slice(FUSE_CANDIDATES, FUSE_CANDIDATES + limit * 3)
      .map((s) => ({ ...s, score: 2 - s.strength * 0.8 }));

    const taken: SearchUnit[] = [];
    const hits: SearchHit[] = [];
    for (const s of [...ranked, ...rest]) {
      const u = s.unit;
      const overlaps = taken.some(
        (t) =>
          t.turn === u.turn &&
          t.sentence < u.sentence + u.sentenceCount &&
          u.sentence < t.sentence + t.sentenceCount,
      );
      if (overlaps) continue;
      taken.push(u);
      hits.push({
        turn: u.turn,
        sentence: u.sentence,
        sentenceCount: u.sentenceCount,
        speaker: u.speaker,
        start: u.start,
        text: u.text,
        highlights: highlight(u, words, s.phrase),
        corrections: u.corrections,
        score: s.score,
      });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  return { search };
}
