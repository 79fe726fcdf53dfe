import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWord, spelledNumbers, stem, tokenize } from '@/lib/search/text';

const norms = (text: string) => tokenize(text).map((t) => t.norm);

describe('tokenize', () => {
  it('folds case, accents, apostrophes and thousands separators', () => {
    expect(norms("Don't, Greg’s Brüggen: 5,500 Straße")).toEqual([
      'dont',
      'gregs',
      'bruggen',
      '5500',
      'strasse',
    ]);
  });

  it('reads C++ as one word, not the letter C, and I/O as io', () => {
    expect(norms('could use C++ or C')).toEqual(['could', 'use', 'cpp', 'or', 'c']);
    expect(norms('the I/O model, i/o')).toEqual(['the', 'io', 'model', 'io']);
    // Longer runs with slashes stay separate words.
    expect(norms('TCP/IP a/b/c')).toEqual(['tcp', 'ip', 'a', 'b', 'c']);
  });

  it('gives offsets into the original text, so highlights land on what was said', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        let previousEnd = 0;
        for (const token of tokenize(text)) {
          expect(token.start).toBeGreaterThanOrEqual(previousEnd);
          expect(token.end).toBeGreaterThan(token.start);
          expect(token.end).toBeLessThanOrEqual(text.length);
          expect(token.norm).toBe(foldWord(text.slice(token.start, token.end)));
          previousEnd = token.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('stops at the number of words asked for', () => {
    expect(tokenize('a b c d e', 3)).toHaveLength(3);
  });
});

describe('spelledNumbers', () => {
  it('finds numbers spelled as words, so "35 years" meets "thirty five years"', () => {
    expect(spelledNumbers(['thirty', 'five', 'years'])).toEqual([{ digits: '35', from: 0, to: 2 }]);
    expect(spelledNumbers(['sixteen', 'way'])).toEqual([{ digits: '16', from: 0, to: 1 }]);
    expect(spelledNumbers(['twenty', 'years'])).toEqual([{ digits: '20', from: 0, to: 1 }]);
    expect(spelledNumbers(['rust'])).toEqual([]);
  });
});

describe('stem', () => {
  it('folds plurals, -ing, -ed and noun or adverb suffixes to one form, and leaves short words alone', () => {
    for (const group of [
      ['maintainers', 'maintainer'],
      ['maintains', 'maintaining', 'maintained', 'maintain'],
      ['changes', 'changed', 'changing', 'change'],
      ['libraries', 'library'],
      ['running', 'runs'],
      ['patches', 'patch', 'patched'],
      ['allocations', 'allocated', 'allocate'],
      ['adoption', 'adopt'],
      ['easily', 'easy'],
      ['development', 'developers', 'develop'],
    ])
      expect(new Set(group.map(stem)).size, group.join(' ')).toBe(1);
    expect(stem('bus')).toBe('bus');
    expect(stem('this')).toBe('this');
    expect(stem('process')).toBe('process');
    expect(stem('user')).toBe('user');
    expect(stem('only')).toBe('only');
  });
});
