/**
 * Which words of the index a typed word stands for: itself, the words it begins (the word being
 * typed), and words one or two typos away. Answers are cached per word, so while typing only the
 * last word of the query costs anything.
 */

export const EXACT = 1;
export const PREFIX = 0.85;
export const ONE_TYPO = 0.75;
export const TWO_TYPOS = 0.55;

/** Optimal string alignment distance (a swap of two neighbours is one typo), or `limit + 1`. */
export function typoDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

export type WordMatches = ReadonlyMap<string, number>;

export function createWordMatcher(vocabulary: readonly string[], postings: Map<string, unknown>) {
  const cache = new Map<string, WordMatches>();
  return (word: string, typing: boolean): WordMatches => {
    const key = `${typing ? '>' : '='}${word}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const matches = new Map<string, number>();
    if (postings.has(word)) matches.set(word, EXACT);
    const prefixOk = word.length >= 4 || (typing && word.length >= 2);
    const typos = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    for (const candidate of vocabulary) {
      if (candidate === word) continue;
      if (prefixOk && candidate.startsWith(word)) {
        matches.set(candidate, PREFIX);
        continue;
      }
      if (typos === 0 || Math.abs(candidate.length - word.length) > typos) continue;
      const distance = typoDistance(word, candidate, typos);
      if (distance <= typos) matches.set(candidate, distance === 1 ? ONE_TYPO : TWO_TYPOS);
    }
    if (cache.size > 2000) cache.clear();
    cache.set(key, matches);
    return matches;
  };
}
