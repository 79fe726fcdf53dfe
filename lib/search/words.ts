/**
 * Which words of the index a typed word stands for: itself, the words it begins (the word being
 * typed), and words one or two typos away. Answers are cached per word, so while typing only the
 * last word of the query costs anything.
 */
import { STOP_WORDS, stem } from './text';

export const EXACT = 1;
/** Another form of the same word: a plural, "-ing" or "-ed" (see `stem`). */
export const SAME_STEM = 0.9;
export const PREFIX = 0.85;
export const ONE_TYPO = 0.75;
export const TWO_TYPOS = 0.55;

// Three rows of the distance table, reused by every call (grown when a word is longer).
let rows = new Int32Array(3 * 33);

/** Optimal string alignment distance (a swap of two neighbours is one typo), or `limit + 1`. */
export function typoDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width * 2);
  // Row i of the table lives at (i % 3) * width: the current row, the one before, and the one
  // before that (for swaps).
  for (let j = 0; j < width; j++) rows[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const cur = (i % 3) * width;
    const prev = ((i - 1) % 3) * width;
    const before = ((i + 1) % 3) * width;
    const ai = a.charCodeAt(i - 1);
    rows[cur] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = (rows[prev + j - 1] as number) + (ai === bj ? 0 : 1);
      const up = (rows[prev + j] as number) + 1;
      const left = (rows[cur + j - 1] as number) + 1;
      if (up < value) value = up;
      if (left < value) value = left;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const swap = (rows[before + j - 2] as number) + 1;
        if (swap < value) value = swap;
      }
      rows[cur + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
  }
  return Math.min(rows[(a.length % 3) * width + b.length] as number, limit + 1);
}

/** Whether b is a with two neighbouring letters swapped (both the same length). */
function isSwap(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return (
    i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  );
}

/** Bit set of a word's letters (hashed into 32 bits): each typo changes at most two bits. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The vocabulary words a typed word stands for, by id, with how well each matches. */
export interface WordMatches {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  /** Each weight times the rarity of its word: what a unit holding that word scores. */
  readonly scores: Float64Array;
  /** The highest of `scores`: what the typed word is worth to a unit that holds it best. */
  readonly top: number;
}

const NONE: WordMatches = {
  ids: new Int32Array(0),
  weights: new Float64Array(0),
  scores: new Float64Array(0),
  top: 0,
};

/**
 * Marks a vocabulary word that stands for a term the conversation only relates to (a show-note
 * term said in other words): it matches like the word, a little weaker than a word as said.
 */
export const RELATED = '\u0001';
export const RELATED_FACTOR = 0.9;

/**
 * `vocabulary[id]` is the word with that id, `rarity[id]` its weight in a query (BM25's inverse
 * document frequency; 1 for every word when not given). Prefixes are found by binary search in
 * the sorted vocabulary; typo candidates only among words of a near length whose letters nearly
 * agree.
 */
export function createWordMatcher(vocabulary: readonly string[], rarity?: Float64Array) {
  const cache = new Map<string, WordMatches>();
  // What a typed word is compared with: the word, without the mark of a related term.
  const keys = vocabulary.map((word) => (word.startsWith(RELATED) ? word.slice(1) : word));
  const factor = Float64Array.from(vocabulary, (word) =>
    word.startsWith(RELATED) ? RELATED_FACTOR : 1,
  );
  const exactIds = new Map<string, number[]>();
  keys.forEach((key, id) => {
    const ids = exactIds.get(key);
    if (ids) ids.push(id);
    else exactIds.set(key, [id]);
  });
  const sorted = Int32Array.from(keys.keys()).sort((a, b) => {
    const x = keys[a] as string;
    const y = keys[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const masks = Int32Array.from(keys, letterMask);
  const byLength: Int32Array[] = [];
  {
    const lists: number[][] = [];
    keys.forEach((key, id) => {
      for (let n = lists.length; n <= key.length; n++) lists.push([]);
      lists[key.length]?.push(id);
    });
    for (const list of lists) byLength.push(Int32Array.from(list));
  }
  // Weight of each vocabulary word for the word being matched, 0 when none (left all zero).
  const weightOf = new Float64Array(vocabulary.length);
  const found: number[] = [];
  const give = (id: number, match: number) => {
    const weight = match * (factor[id] as number);
    if (weightOf[id] === 0) found.push(id);
    if ((weightOf[id] as number) < weight) weightOf[id] = weight;
  };

  /** Index in `sorted` of the first word not before `word`. */
  function lowerBound(word: string): number {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[sorted[mid] as number] as string) < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // Vocabulary ids by stem, made by the first search that needs them.
  let byStem: Map<string, number[]> | undefined;
  const stemIds = (word: string): readonly number[] => {
    if (!byStem) {
      byStem = new Map();
      for (let id = 0; id < keys.length; id++) {
        const key = stem(keys[id] as string);
        const ids = byStem.get(key);
        if (ids) ids.push(id);
        else byStem.set(key, [id]);
      }
    }
    return byStem.get(stem(word)) ?? [];
  };

  function compute(word: string, typing: boolean): WordMatches {
    for (const id of exactIds.get(word) ?? []) give(id, EXACT);
    if (word.length > 3) for (const id of stemIds(word)) give(id, SAME_STEM);
    if (word.length >= 4 || (typing && word.length >= 2))
      for (let k = lowerBound(word); k < sorted.length; k++) {
        const id = sorted[k] as number;
        const candidate = keys[id] as string;
        if (!candidate.startsWith(word)) break;
        if (candidate !== word) give(id, PREFIX);
      }
    const typos = word.length >= 8 ? 2 : word.length >= 3 ? 1 : 0;
    const mask = letterMask(word);
    // A three-letter word may only have two neighbours swapped ("bfp" for "bpf"): any other
    // single edit of so short a word makes too many other words.
    const swapsOnly = word.length === 3;
    const typedSmall = STOP_WORDS.has(word);
    for (let n = word.length - typos; typos > 0 && n <= word.length + typos; n++) {
      if (swapsOnly && n !== 3) continue;
      const ids = byLength[n];
      if (!ids) continue;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] as number;
        // A prefix match stands; other words must be within reach by letters, then by edits.
        if (weightOf[id] !== 0 || bitCount(mask ^ (masks[id] as number)) > 2 * typos) continue;
        if (swapsOnly && !isSwap(word, keys[id] as string)) continue;
        // A word a typo away from a small word ("must" from "just") is another word, not a slip.
        if (!typedSmall && STOP_WORDS.has(keys[id] as string)) continue;
        const distance = typoDistance(word, keys[id] as string, typos);
        if (distance <= typos) give(id, distance === 1 ? ONE_TYPO : TWO_TYPOS);
      }
    }
    if (found.length === 0) return NONE;
    found.sort((a, b) => a - b);
    const ids = Int32Array.from(found);
    const weights = Float64Array.from(found, (id) => weightOf[id] as number);
    // The typed word is one term whichever of its matches a unit holds: it is as rare as its
    // best match (the most common of them, when several match as well), so a rarer near word
    // never outweighs the word itself.
    let best = 0;
    let wordRarity = Number.POSITIVE_INFINITY;
    for (const id of found) {
      const weight = weightOf[id] as number;
      const r = rarity?.[id] ?? 1;
      if (weight > best) {
        best = weight;
        wordRarity = r;
      } else if (weight === best && r < wordRarity) wordRarity = r;
    }
    const scores = Float64Array.from(weights, (weight) => weight * wordRarity);
    for (const id of found) weightOf[id] = 0;
    found.length = 0;
    return { ids, weights, scores, top: best * wordRarity };
  }

  return (word: string, typing: boolean): WordMatches => {
    const key = `${typing ? '>' : '='}${word}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const matches = compute(word, typing);
    if (cache.size > 2000) cache.clear();
    cache.set(key, matches);
    return matches;
  };
}
