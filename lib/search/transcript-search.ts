/**
 * lib/search: the sidebar's transcript search, fuzzy, typo- and mishearing-tolerant, fast per
 * keystroke. It may import only `lib/episode`, `lib/time.ts`, `lib/regexp.ts` and npm packages
 * (fuse.js, valibot): never Preact, `document` or `window`, never `lib/ingest`. It is imported by
 * the sidebar (`entrypoints/sidebar.tsx` through `lib/page/sidebar-store.ts`'s search function)
 * and by `scripts/` (search, search-eval, bench).
 *
 * Use: `const engine = createEpisodeSearch(episode)` costs nothing; call `engine.warm()` once the
 * transcript is painted (in idle time, before a listener can type) to build the index and run the
 * hot code once, so the first keystroke costs what the tenth does. `engine.search(query, limit)`
 * works without it too: the first search then builds the index itself.
 *
 * How it ranks: a word index narrows the transcript (every sentence and two-sentence passage) to
 * the units that share a word, a prefix or a near word with the query (typos, swapped letters and
 * the glossary's misheard forms included). No word is required: each unit scores its query words
 * weighted by their rarity (BM25's idf and length factor) over what the query's words are worth,
 * so a unit holding the rare words of a query beats one holding its common ones, and small words
 * ("the", "was") only add a little. Exact phrases come first; fuse.js then re-scores the best few
 * on the stretch around the matched words, beside how closely those words sit together.
 */
import type { Episode } from '../episode/schema';
import { EMPTY_GLOSSARY, type Glossary } from './glossary';
import { highlight } from './highlight';
import { LeaderScorer } from './leaders';
import { QueryMarks, type QueryWord, readQuery } from './query';
import { TopPicker } from './top-units';
import { buildSearchIndex, type Correction, type SearchUnit } from './unit-index';
import { UnitScores } from './unit-scores';
import { createWordMatcher, type WordMatches } from './words';

export interface SearchHit {
  turn: number;
  sentence: number;
  sentenceCount: number;
  speaker: string;
  start: number;
  text: string;
  highlights: Array<[number, number]>;
  corrections: Correction[];
  /**
   * Lower is better. Exact phrases come first, then the other matches, each ordered by their
   * score: how much of the query the hit holds (rare words counting most), how closely, and how
   * well the letters line up.
   */
  score: number;
}

export interface TranscriptSearch {
  search(query: string, limit?: number): SearchHit[];
  /**
   * Builds the index and runs a few throwaway searches so the code is hot. Call it in idle time
   * after the transcript is painted; searching without it is correct, only the first search is
   * slower.
   */
  warm(): void;
}

/** Candidates fuse.js re-scores; the others are already out of reach of the top results. */
const FUSE_CANDIDATES = 8;
/**
 * What a shorter unit gains for the same words, per unit of BM25's length factor: enough to order
 * equal matches, never enough to beat a unit that holds more of the query.
 */
const LENGTH_SHARE = 0.03;
/** Shares of a leader's score: what the unit holds, how its letters line up, how close. */
const HELD = 0.7;
const LETTERS = 0.15;
const CLOSE = 0.15;

interface Ranked {
  unit: SearchUnit;
  phrase: boolean;
  score: number;
}

/** The index and the scratch space every search reuses. */
class Prepared {
  readonly marks: QueryMarks;
  readonly scores: UnitScores;
  readonly picker: TopPicker;
  readonly leaders: LeaderScorer;
  readonly matchWord: (word: string, typing: boolean) => WordMatches;
  readonly candidates: Int32Array;
  readonly keys: Float64Array;
  readonly held: Float64Array;
  readonly phrases: Uint8Array;
  readonly units: SearchUnit[];
  readonly lengthFactor: Float64Array;
  /** By unit: 0 when the unit lacks `phraseBefore`, the phrase of a search before this one. */
  readonly phraseMay: Uint8Array;
  phraseBefore = '';

  constructor(episode: Episode, glossary: Glossary) {
    const index = buildSearchIndex(episode, glossary);
    const n = index.units.length;
    this.units = index.units;
    this.lengthFactor = index.lengthFactor;
    this.matchWord = createWordMatcher(index.vocabulary, index.rarity);
    this.marks = new QueryMarks(index.vocabulary.length);
    this.scores = new UnitScores(n, index.postings);
    this.picker = new TopPicker(n);
    this.leaders = new LeaderScorer(this.marks.bits);
    this.candidates = new Int32Array(n);
    this.keys = new Float64Array(n);
    this.held = new Float64Array(n);
    this.phrases = new Uint8Array(n);
    this.phraseMay = new Uint8Array(n);
  }
}

class TranscriptSearchEngine implements TranscriptSearch {
  private prepared: Prepared | undefined;

  constructor(
    private readonly episode: Episode,
    private readonly glossary: Glossary,
  ) {}

  private prepare(): Prepared {
    this.prepared ??= new Prepared(this.episode, this.glossary);
    return this.prepared;
  }

  warm() {
    const p = this.prepare();
    // Words of the transcript itself, one with two letters swapped: every path of a search
    // (prefixes, typos, kept sums, fuse.js) runs before a listener types.
    const words: string[] = [];
    for (let i = 0; i < p.units.length && words.length < 3; i++)
      for (const w of (p.units[i] as SearchUnit).phrase.split(' ', 13))
        if (w.length >= 5 && words.length < 3) words.push(w);
    const [a = 'search', b = 'words', c = 'typed'] = words;
    const swapped = a.length > 2 ? `${a[1]}${a[0]}${a.slice(2)}` : a;
    // One query typed key by key runs prefixes, kept sums and fuse.js; two whole ones the rest.
    const typed = `${a} ${b} ${c}`;
    for (let i = 1; i <= typed.length; i++) this.search(typed.slice(0, i), 10);
    this.search(`${swapped} ${c}`, 10);
    this.search(`${c} ${a} `, 10);
  }

  search(query: string, wanted = 50): SearchHit[] {
    // A count of results: whole, at least one (Infinity: all of them).
    const limit = Math.floor(wanted);
    if (typeof query !== 'string' || !(limit >= 1)) return [];
    const p = this.prepare();
    const words = readQuery(query, p.matchWord);
    const content = words.filter((w) => w.content);
    if (content.length === 0) return [];
    p.marks.set(words, true);
    try {
      return this.collect(p, this.rank(p, words, content, limit), limit);
    } finally {
      p.marks.set(words, false);
    }
  }

  private rank(p: Prepared, words: QueryWord[], content: QueryWord[], limit: number): Ranked[] {
    const count = p.scores.sum(words);
    let worth = 0;
    for (const w of content) worth += w.matches.top;
    const phraseText = words.length > 1 ? ` ${words.map((w) => w.norm).join(' ')}` : '';
    // A unit holding the phrase holds every content word before the last exactly; the last need
    // only begin a word there, which may not count as a match of it (a short word not typed on).
    const phraseFound = content.length - ((words[words.length - 1] as QueryWord).content ? 1 : 0);
    // A unit without the phrase typed before cannot hold the phrase it grew into: while the
    // phrase only grows, units that lacked it are not read again.
    if (!phraseText.startsWith(p.phraseBefore) || p.phraseBefore === '') p.phraseMay.fill(1);
    p.phraseBefore = phraseText;
    let n = 0;
    for (let k = 0; k < count; k++) {
      const id = p.scores.touched[k] as number;
      const sums = p.scores.take(id);
      if (sums.found === 0 || worth === 0) continue;
      const unit = p.units[id] as SearchUnit;
      let phrase = false;
      if (phraseText.length > 0 && sums.found >= phraseFound && p.phraseMay[id] === 1) {
        phrase = unit.phrase.includes(phraseText);
        p.phraseMay[id] = Number(phrase);
      }
      p.candidates[n] = id;
      p.phrases[n] = Number(phrase);
      p.held[n] =
        Math.min(1, sums.worth / worth) + LENGTH_SHARE * ((p.lengthFactor[id] as number) - 1);
      // One number orders phrases first, then what the unit holds, then sentences before
      // passages, then earlier before later.
      p.keys[n] =
        Number(phrase) * 4 +
        (p.held[n] as number) -
        (unit.sentenceCount - 1) * 1e-3 -
        unit.start * 1e-8;
      n++;
    }
    const order = p.picker.best(p.keys, p.candidates, n, FUSE_CANDIDATES + limit * 3);
    const lead = order.slice(0, FUSE_CANDIDATES);
    const fits = p.leaders.fit(
      lead.map((k) => p.units[p.candidates[k] as number] as SearchUnit),
      content,
      words.length,
    );
    const ranked: Ranked[] = lead
      .map((k, i) => {
        const fit = fits[i] as { letters: number; closeness: number };
        const phrase = p.phrases[k] === 1;
        return {
          unit: p.units[p.candidates[k] as number] as SearchUnit,
          phrase,
          score:
            (phrase ? 0 : 1) +
            (1 - (p.held[k] as number)) * HELD +
            fit.letters * LETTERS +
            (1 - fit.closeness) * CLOSE,
        };
      })
      .sort(
        (a, b) =>
          Number(b.phrase) - Number(a.phrase) ||
          a.score - b.score ||
          a.unit.sentenceCount - b.unit.sentenceCount,
      );
    // The rest keep their order, scored below every leader.
    for (const k of order.slice(FUSE_CANDIDATES))
      ranked.push({
        unit: p.units[p.candidates[k] as number] as SearchUnit,
        phrase: p.phrases[k] === 1,
        score: 2 - (p.held[k] as number) * HELD,
      });
    return ranked;
  }

  private collect(p: Prepared, ranking: Ranked[], limit: number): SearchHit[] {
    const taken: SearchUnit[] = [];
    const hits: SearchHit[] = [];
    for (const { unit: u, phrase, score } of ranking) {
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
        highlights: highlight(u, p.marks.bits, phrase),
        corrections: u.corrections,
        score,
      });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

/**
 * The search over `episode`'s transcript. Creating it costs nothing: the index is built by
 * `warm()` or by the first search. Its methods live on classes rather than in closures made per
 * search, so searches made one after another share one set of compiled code and feedback.
 */
export function createTranscriptSearch(
  episode: Episode,
  glossary: Glossary = EMPTY_GLOSSARY,
): TranscriptSearch {
  return new TranscriptSearchEngine(episode, glossary);
}
