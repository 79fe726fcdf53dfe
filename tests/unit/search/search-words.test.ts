import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWordMatcher, ONE_TYPO, PREFIX, TWO_TYPOS, typoDistance } from '@/lib/search/words';

/** Textbook optimal string alignment distance, full table, no early exit. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('typo distance', () => {
  it('agrees with the textbook table up to its limit, for any pair of words', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'k', 'e', 'r'), maxLength: 40 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, limit) => {
        expect(typoDistance(a, b, limit)).toBe(Math.min(reference(a, b), limit + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a swap of neighbours as one typo', () => {
    expect(typoDistance('langauge', 'language', 2)).toBe(1);
    expect(typoDistance('kernal', 'kernel', 1)).toBe(1);
    expect(typoDistance('coccinelle', 'coconut', 2)).toBe(3);
  });
});

describe('word matcher', () => {
  const vocabulary = ['kernel', 'kernels', 'colonel', 'language', 'languages', 'rust', 'trust'];
  const matcher = createWordMatcher(vocabulary);
  /** The matches as word → weight, for reading. */
  const match = (word: string, typing: boolean) => {
    const { ids, weights } = matcher(word, typing);
    return Array.from(ids, (id, k) => [vocabulary[id], weights[k]] as const);
  };

  it('finds the word, the words it begins while typing, and near words', () => {
    expect(Object.fromEntries(match('kernal', false))).toEqual({ kernel: ONE_TYPO });
    expect(Object.fromEntries(match('kern', true))).toEqual({ kernel: PREFIX, kernels: PREFIX });
    expect(Object.fromEntries(match('langauges', false))).toEqual({
      languages: ONE_TYPO,
      language: TWO_TYPOS,
    });
    expect(Object.fromEntries(match('rust', false))).toEqual({ rust: 1, trust: ONE_TYPO });
    expect(match('colonol', false)).toEqual([['colonel', ONE_TYPO]]);
    expect(match('xyzzy', true)).toEqual([]);
  });

  it('finds exactly the words a short prefix begins, whatever the vocabulary order', () => {
    const letters = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: letters, minLength: 1, maxLength: 6 })),
        fc.string({ unit: letters, minLength: 2, maxLength: 2 }),
        (words, prefix) => {
          // Under three letters a word has no typo matches: only itself and the words it begins.
          const { ids } = createWordMatcher(words)(prefix, true);
          const got = Array.from(ids, (id) => words[id] as string).sort();
          expect(got).toEqual(words.filter((w) => w.startsWith(prefix)).sort());
        },
      ),
    );
  });

  it('finds a three-letter word with two neighbours swapped, and no other typo of it', () => {
    const words = ['bpf', 'bpx', 'pbf', 'bp', 'bpfs'];
    const found = (word: string, typing: boolean) =>
      Array.from(createWordMatcher(words)(word, typing).ids, (id) => words[id]).sort();
    expect(found('bfp', false)).toEqual(['bpf']);
    expect(found('bpf', false)).toEqual(['bpf', 'pbf']);
    expect(found('bpf', true)).toEqual(['bpf', 'bpfs', 'pbf']);
  });

  it('takes no small word for a typo of a content word, only for a typo of another small word', () => {
    const words = ['just', 'must', 'thus', 'the'];
    const found = (word: string) =>
      Array.from(createWordMatcher(words)(word, false).ids, (id) => words[id]).sort();
    expect(found('must')).toEqual(['must']);
    expect(found('mist')).toEqual(['must']);
    expect(found('jsut')).toEqual([]);
    expect(found('then')).toEqual(['the']);
  });
});
