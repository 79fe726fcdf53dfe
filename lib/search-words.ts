/**
 * Which words of the index a typed word stands for: itself, the words it begins (the word being
 * typed), and words one or two typos away. Answers are cached per word, so while typing only the
 * last word of the query costs anything.
 */

export const EXACT = 1;
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

export type WordMatches = ReadonlyMap<string, number>;

export function createWordMatcher(vocabulary: readonly string[], postings: Map<string, unknown>) {
  const cache = new Map<string, WordMatches>();
  const masks = Int32Array.from(vocabulary, letterMask);
  return (word: string, typing: boolean): WordMatches => {
    const key = `${typing ? '>' : '='}${word}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const matches = new Map<string, number>();
    if (postings.has(word)) matches.set(word, EXACT);
    const prefixOk = word.length >= 4 || (typing && word.length >= 2);
    const typos = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    const mask = letterMask(word);
    for (let k = 0; k < vocabulary.length; k++) {
      const candidate = vocabulary[k] as string;
      if (candidate === word) continue;
      if (prefixOk && candidate.startsWith(word)) {
        matches.set(candidate, PREFIX);
        continue;
      }
      if (typos === 0 || Math.abs(candidate.length - word.length) > typos) continue;
      if (bitCount(mask ^ (masks[k] as number)) > 2 * typos) continue;
      const distance = typoDistance(word, candidate, typos);
      if (distance <= typos) matches.set(candidate, distance === 1 ? ONE_TYPO : TWO_TYPOS);
    }
    if (cache.size > 2000) cache.clear();
    cache.set(key, matches);
    return matches;
  };
}
