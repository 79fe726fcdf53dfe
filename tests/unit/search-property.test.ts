import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEpisodeSearch } from '@/lib/episode-search';
import { loadEpisode } from '@/lib/packaged-episode';

const search = createEpisodeSearch(loadEpisode());

function expectWellFormed(query: string) {
  const hits = search.search(query, 20);
  for (const hit of hits) {
    let previousEnd = 0;
    for (const [start, end] of hit.highlights) {
      expect(start).toBeGreaterThanOrEqual(previousEnd);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(hit.text.length);
      previousEnd = end;
    }
  }
  return hits;
}

describe('search input', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['one character', 'c'],
    ['regex-like', '( [ \\ ^ $'],
    ['Fuse operators', "'rust =linux !c ^kernel$ | tokio"],
    ['emoji', '🦀 rust 🐧'],
    ['right-to-left', 'لينكس rust שלום'],
    ['5,000 characters', 'rust kernel '.repeat(420)],
  ])('%s: no exception, highlights inside the text', (_, query) => {
    expect(() => expectWellFormed(query)).not.toThrow();
  });

  it('still finds the words of a query wrapped in operators and emoji', () => {
    const hits = expectWellFormed("'coconut$ 🦀");
    expect(hits[0]?.text).toContain('Coconut');
  });

  it('never throws and keeps highlights sorted, non-overlapping and inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (query) => {
        expectWellFormed(query);
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('rust', 'kernal', 'greg', 'ellis', 'c', 'the', 'uring', 'x'), {
          maxLength: 8,
        }),
        (words) => {
          expectWellFormed(words.join(' '));
        },
      ),
      { numRuns: 200 },
    );
  });
});
