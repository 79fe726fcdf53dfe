/**
 * The sidebar's transcript search: fuzzy, typo- and mishearing-tolerant, fast per keystroke.
 *
 * Plain fuse.js over every sentence costs milliseconds a keystroke (bitap over ~1,400 strings,
 * and it splits patterns past 32 characters). Here a word index narrows the transcript to the
 * units that share a word, a prefix or a near word with the query (typos and the glossary's
 * misheard forms included), the units are ranked by how many query words they hold and how
 * closely, exact phrases first, and fuse.js then scores only the best few to order close calls,
 * each on the stretch of the unit around the words that matched. Highlights come from our own
 * pass over the displayed text, never from Fuse's indices.
 *
 * A keystroke allocates little: per-unit sums live in typed arrays reused from search to search,
 * and while typing only the last word's postings are walked (the sums over the words before it
 * are kept from the keystroke before). Little garbage means few collector pauses while typing.
 */
import Fuse from 'fuse.js';
import type { Episode } from '../episode/schema';
import { EMPTY_GLOSSARY, type Glossary } from './glossary';
import { STOP_WORDS, tokenize } from './text';
import { buildSearchIndex, type Correction, type IndexedWord, type SearchUnit } from './unit-index';
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
   * score: how many of the query's words the hit holds and how closely, and how well the letters
   * line up.
   */
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
/** Spoken words kept on each side of the matched ones in the stretch fuse.js scores. */
const FUSE_CONTEXT_WORDS = 1;
/** Bits of `marks`: the word matches a content word of the query, or any word of it. */
const CONTENT = 1;
const ANY = 2;

interface QueryWord {
  norm: string;
  matches: WordMatches;
  content: boolean;
}

interface Ranked {
  unit: SearchUnit;
  phrase: boolean;
  score: number;
}

/** Units best first, made on demand. */
interface Ranking {
  length: number;
  at(i: number): Ranked;
}

const SPACE = /\s/;

/** Whether text[from, to) is only white space (no-break and other Unicode spaces included). */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++)
    if (text.charCodeAt(i) > 32 && !SPACE.test(text.charAt(i))) return false;
  return true;
}

/** One transcript's search: its index and the scratch space its searches reuse. */
class TranscriptSearchEngine implements TranscriptSearch {
  private readonly units: SearchUnit[];
  private readonly postings: Int32Array[];
  private readonly matchWord: (word: string, typing: boolean) => WordMatches;
  // Scratch space reused by every search. These four are left all zero after each search; the
  // rest are written before they are read.
  private readonly wordBest: Float64Array;
  private readonly strength: Float64Array;
  private readonly found: Uint8Array;
  private readonly marks: Uint8Array;
  private readonly seen: Int32Array;
  private readonly touched: Int32Array;
  private readonly candidates: Int32Array;
  private readonly keys: Float64Array;
  private readonly sortedKeys: Float64Array;
  private readonly strengths: Float64Array;
  private readonly phrases: Uint8Array;
  /** Per-unit sums over all but the last word of a query, kept for the next keystroke. */
  private kept = {
    key: '',
    touched: new Int32Array(0),
    found: new Uint8Array(0),
    strength: new Float64Array(0),
  };
  // Bitap runs one pass over the text per error it allows. A stretch that needs more than 40% of
  // the pattern changed does not line up with it at all, so it is scored 1 without the passes
  // that would say how badly; the length of the stretch (our own cut) says nothing either.
  private readonly fuse = new Fuse<string>([], {
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    shouldSort: false,
    threshold: 0.4,
    isCaseSensitive: true,
  });

  constructor(episode: Episode, glossary: Glossary) {
    const { units, vocabulary, postings } = buildSearchIndex(episode, glossary);
    this.units = units;
    this.postings = postings;
    this.matchWord = createWordMatcher(vocabulary);
    const unitCount = units.length;
    this.wordBest = new Float64Array(unitCount);
    this.strength = new Float64Array(unitCount);
    this.found = new Uint8Array(unitCount);
    this.marks = new Uint8Array(vocabulary.length);
    this.seen = new Int32Array(unitCount);
    this.touched = new Int32Array(unitCount);
    this.candidates = new Int32Array(unitCount);
    this.keys = new Float64Array(unitCount);
    this.sortedKeys = new Float64Array(unitCount);
    this.strengths = new Float64Array(unitCount);
    this.phrases = new Uint8Array(unitCount);
  }

  private readQuery(query: string): QueryWord[] {
    const tokens = tokenize(query.slice(0, 400), MAX_QUERY_WORDS + 1);
    // Past the words read, the last one read is not the one being typed.
    const cut = tokens.length > MAX_QUERY_WORDS;
    if (cut) tokens.length = MAX_QUERY_WORDS;
    const typingAt = !cut && /[\p{L}\p{N}]$/u.test(query) ? tokens.length - 1 : -1;
    const allStop = tokens.every((t) => STOP_WORDS.has(t.norm));
    return tokens.map((t, i) => {
      // A word just begun (one or two letters after others) narrows nothing yet: it only helps
      // the ranking until it is long enough to mean something.
      const begun = i === typingAt && i > 0 && t.norm.length <= 2;
      return {
        norm: t.norm,
        matches: this.matchWord(t.norm, i === typingAt),
        content: !begun && (allStop || !STOP_WORDS.has(t.norm)),
      };
    });
  }

  private setMarks(words: QueryWord[], on: boolean) {
    for (const word of words) {
      const bits = ANY | (word.content ? CONTENT : 0);
      const { ids } = word.matches;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] as number;
        this.marks[id] = on ? (this.marks[id] as number) | bits : 0;
      }
    }
  }

  /** Adds one query word's postings to the per-unit sums; returns the new count of touched units. */
  private addWord(word: QueryWord, count: number): number {
    let seenCount = 0;
    const { ids, weights } = word.matches;
    for (let m = 0; m < ids.length; m++) {
      const weight = weights[m] as number;
      const list = this.postings[ids[m] as number] as Int32Array;
      for (let k = 0; k < list.length; k++) {
        const id = list[k] as number;
        const before = this.wordBest[id] as number;
        if (before === 0) this.seen[seenCount++] = id;
        if (before < weight) this.wordBest[id] = weight;
      }
    }
    let n = count;
    for (let k = 0; k < seenCount; k++) {
      const id = this.seen[k] as number;
      const weight = this.wordBest[id] as number;
      this.wordBest[id] = 0;
      if (word.content) {
        if (this.found[id] === 0 && this.strength[id] === 0) this.touched[n++] = id;
        this.found[id] = (this.found[id] as number) + 1;
        this.strength[id] = (this.strength[id] as number) + weight;
      } else if (this.strength[id] !== 0)
        this.strength[id] = (this.strength[id] as number) + weight * 0.2;
    }
    return n;
  }

  /** The candidates to rank, best first: the `take` with the highest keys, ties by unit id. */
  private best(count: number, take: number): number[] {
    let cut = Number.NEGATIVE_INFINITY;
    if (count > take) {
      const sorted = this.sortedKeys.subarray(0, count);
      sorted.set(this.keys.subarray(0, count));
      sorted.sort();
      cut = sorted[count - take] as number;
    }
    const order: number[] = [];
    for (let k = 0; k < count; k++) if ((this.keys[k] as number) >= cut) order.push(k);
    order.sort(
      (a, b) =>
        (this.keys[b] as number) - (this.keys[a] as number) ||
        (this.candidates[a] as number) - (this.candidates[b] as number),
    );
    if (order.length > take) order.length = take;
    return order;
  }

  /**
   * The stretch of the unit's folded words around those the query matched, for fuse.js. Like the
   * pattern it leaves out the small words, unless the query is only small words: "rust save
   * linux" then lines up with "rust is gonna save linux" as closely as it should.
   */
  private stretch(unit: SearchUnit, smallWordsToo: boolean): string {
    let first = Number.MAX_SAFE_INTEGER;
    let last = -1;
    const { words, wordIds, phrase, phraseStarts } = unit;
    for (let k = 0; k < wordIds.length; k++)
      if ((this.marks[wordIds[k] as number] as number) & CONTENT) {
        const word = words[k];
        if (!word) continue;
        if (word.first < first) first = word.first;
        if (word.last > last) last = word.last;
      }
    if (last < 0) return phrase;
    const spoken = phraseStarts.length - 1;
    const from = Math.max(0, first - FUSE_CONTEXT_WORDS);
    const to = Math.min(spoken - 1, last + FUSE_CONTEXT_WORDS);
    if (smallWordsToo)
      return phrase.slice((phraseStarts[from] as number) - 1, phraseStarts[to + 1]);
    let text = '';
    for (let i = from; i <= to; i++) {
      const norm = (words[i] as IndexedWord).norm;
      if (!STOP_WORDS.has(norm)) text += ` ${norm}`;
    }
    return `${text} `;
  }

  private highlight(unit: SearchUnit, phrase: boolean): Array<[number, number]> {
    const bits = phrase ? ANY : CONTENT;
    const ranges: Array<[number, number]> = [];
    const { words, wordIds } = unit;
    for (let k = 0; k < wordIds.length; k++)
      if ((this.marks[wordIds[k] as number] as number) & bits) {
        const word = words[k];
        if (word) ranges.push([word.start, word.end]);
      }
    // Spoken words come in order; only glossary forms and numbers, listed after them, need a sort.
    let sorted = true;
    for (let k = 1; k < ranges.length && sorted; k++) {
      const a = ranges[k - 1] as [number, number];
      const b = ranges[k] as [number, number];
      sorted = a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
    }
    if (!sorted) ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged: Array<[number, number]> = [];
    for (const range of ranges) {
      const previous = merged[merged.length - 1];
      // Neighbouring words separated only by spaces highlight as one phrase.
      if (previous && range[0] <= previous[1] + 1 && isBlank(unit.text, previous[1], range[0]))
        previous[1] = Math.max(previous[1], range[1]);
      else merged.push(range);
    }
    return merged;
  }

  /** Sums over every word of the query, reusing those over all but the last when they match. */
  private sumWords(words: QueryWord[]): number {
    const last = words.length - 1;
    const before = words
      .slice(0, last)
      .map((w) => `${w.content ? '+' : '-'}${w.norm}`)
      .join(' ');
    let count = 0;
    if (last > 0 && this.kept.key === before) {
      count = this.kept.touched.length;
      this.touched.set(this.kept.touched);
      for (let k = 0; k < count; k++) {
        const id = this.touched[k] as number;
        this.found[id] = this.kept.found[k] as number;
        this.strength[id] = this.kept.strength[k] as number;
      }
    } else {
      for (let w = 0; w < last; w++) count = this.addWord(words[w] as QueryWord, count);
      if (last > 0) {
        this.kept = {
          key: before,
          touched: this.touched.slice(0, count),
          found: new Uint8Array(count),
          strength: new Float64Array(count),
        };
        for (let k = 0; k < count; k++) {
          const id = this.touched[k] as number;
          this.kept.found[k] = this.found[id] as number;
          this.kept.strength[k] = this.strength[id] as number;
        }
      }
    }
    return this.addWord(words[last] as QueryWord, count);
  }

  private rank(words: QueryWord[], content: QueryWord[], limit: number): Ranking {
    const count = this.sumWords(words);
    const needed = content.length <= 2 ? content.length : Math.ceil(content.length * 0.6);
    const phraseText = words.length > 1 ? ` ${words.map((w) => w.norm).join(' ')}` : '';
    // A unit holding the phrase holds every content word before the last exactly; the last need
    // only begin a word there, which may not count as a match of it (a short word not typed on).
    const phraseFound = content.length - ((words[words.length - 1] as QueryWord).content ? 1 : 0);
    let n = 0;
    for (let k = 0; k < count; k++) {
      const id = this.touched[k] as number;
      const unit = this.units[id] as SearchUnit;
      const foundHere = this.found[id] as number;
      const sum = this.strength[id] as number;
      this.found[id] = 0;
      this.strength[id] = 0;
      if (foundHere < needed) continue;
      const phrase =
        phraseText.length > 0 && foundHere >= phraseFound && unit.phrase.includes(phraseText);
      this.candidates[n] = id;
      this.phrases[n] = Number(phrase);
      this.strengths[n] = sum / content.length;
      // One number orders phrases first, then strength, then sentences before passages, then
      // earlier before later.
      this.keys[n] =
        Number(phrase) * 4 +
        (this.strengths[n] as number) -
        (unit.sentenceCount - 1) * 1e-3 -
        unit.start * 1e-8;
      n++;
    }
    const order = this.best(n, FUSE_CANDIDATES + limit * 3);
    const entry = (k: number) => ({
      unit: this.units[this.candidates[k] as number] as SearchUnit,
      phrase: this.phrases[k] === 1,
      strength: this.strengths[k] as number,
    });

    // fuse.js orders the close calls among the leaders by how the query's letters line up.
    const leaders = order.slice(0, FUSE_CANDIDATES).map(entry);
    const pattern = content
      .map((w) => w.norm)
      .join(' ')
      .slice(0, FUSE_PATTERN_LENGTH);
    // A sentence and the passage that begins with it often share their stretch: score it once.
    const smallWordsToo = content.some((w) => STOP_WORDS.has(w.norm));
    const stretches = leaders.map((l) => this.stretch(l.unit, smallWordsToo));
    const distinct = [...new Set(stretches)];
    this.fuse.setCollection(distinct);
    const fuseScores = new Map<string, number>();
    for (const result of this.fuse.search(pattern)) fuseScores.set(result.item, result.score ?? 1);
    const ranked: Ranked[] = leaders
      .map((l, i) => ({
        unit: l.unit,
        phrase: l.phrase,
        score:
          (l.phrase ? 0 : 1) +
          (1 - l.strength) * 0.8 +
          (fuseScores.get(stretches[i] as string) ?? 1) * 0.2,
      }))
      .sort(
        (a, b) =>
          Number(b.phrase) - Number(a.phrase) ||
          a.score - b.score ||
          a.unit.sentenceCount - b.unit.sentenceCount,
      );
    // The rest keep their order; each is made only if the hits are not complete before it.
    return {
      length: order.length,
      at: (i: number): Ranked => {
        if (i < ranked.length) return ranked[i] as Ranked;
        const k = order[i] as number;
        const unit = this.units[this.candidates[k] as number] as SearchUnit;
        return {
          unit,
          phrase: this.phrases[k] === 1,
          score: 2 - (this.strengths[k] as number) * 0.8,
        };
      },
    };
  }

  search(query: string, wanted = 50): SearchHit[] {
    // A count of results: whole, at least one (Infinity: all of them).
    const limit = Math.floor(wanted);
    if (typeof query !== 'string' || !(limit >= 1)) return [];
    const words = this.readQuery(query);
    const content = words.filter((w) => w.content);
    if (content.length === 0) return [];
    this.setMarks(words, true);
    try {
      return this.collect(this.rank(words, content, limit), limit);
    } finally {
      this.setMarks(words, false);
    }
  }

  private collect(ranking: Ranking, limit: number): SearchHit[] {
    const taken: SearchUnit[] = [];
    const hits: SearchHit[] = [];
    for (let i = 0; i < ranking.length; i++) {
      const { unit: u, phrase, score } = ranking.at(i);
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
        highlights: this.highlight(u, phrase),
        corrections: u.corrections,
        score,
      });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

/**
 * The search over `episode`'s transcript. Its methods live on one class rather than in closures
 * made per search, so searches made one after another (the benchmark's rounds) share one set of
 * compiled code and feedback.
 */
export function createTranscriptSearch(
  episode: Episode,
  glossary: Glossary = EMPTY_GLOSSARY,
): TranscriptSearch {
  return new TranscriptSearchEngine(episode, glossary);
}
