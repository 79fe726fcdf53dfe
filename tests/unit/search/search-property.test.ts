import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEpisode } from '@/lib/episode/packaged';
import { createEpisodeSearch } from '@/lib/search/episode-search';
import { createTranscriptSearch } from '@/lib/search/transcript-search';

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

describe('result counts', () => {
  it('asking for fewer results gives the first of the longer list, for any count', () => {
    const words = fc.constantFrom('rust', 'kernel', 'greg', 'the', 'c', 'drivers', 'tokio', 'x');
    fc.assert(
      fc.property(
        fc.array(words, { minLength: 1, maxLength: 4 }),
        fc.double({ min: -2, max: 50, noNaN: true }),
        (query, wanted) => {
          const all = search.search(query.join(' '), 50);
          const some = search.search(query.join(' '), wanted);
          expect(some).toEqual(all.slice(0, Math.max(0, Math.floor(wanted))));
        },
      ),
      { numRuns: 150 },
    );
    expect(search.search('rust', Number.NaN)).toEqual([]);
    expect(search.search('rust', Number.POSITIVE_INFINITY).length).toBeGreaterThan(50);
  });
});

describe('phrases', () => {
  it('a phrase stays a phrase when a short last word is followed by a space or a stop', () => {
    const typing = search.search('rust in the linux ker', 1)[0];
    for (const query of ['rust in the linux ker ', 'rust in the linux ker.']) {
      const [hit] = search.search(query, 1);
      expect(hit?.text).toBe(typing?.text);
      expect(hit?.score).toBeLessThan(1);
    }
  });

  it('past the twelve words read, the last one read is not taken for a word being typed', () => {
    const long =
      "there's a pretty cool project called klint which is short for ker which is a rust";
    const cut = long.split(' ').slice(0, 12).join(' ');
    // The twelfth word ("ker") is read whole, as when the query stops after it with a space.
    expect(search.search(long, 5)).toEqual(search.search(`${cut} `, 5));
  });
});

describe('search while typing', () => {
  it('gives the same results as a fresh search, whatever was typed before', () => {
    const episode = loadEpisode();
    const words = fc.constantFrom(
      'rust',
      'the',
      'kernel',
      'kernal',
      'is',
      'c',
      'greg',
      'save',
      'linux',
      'tokio',
      'io',
      'a',
    );
    const query = fc.array(words, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(query, { minLength: 1, maxLength: 6 }), (queries) => {
        // Every keystroke of every query in one engine; the last query alone in a new one.
        const typing = createEpisodeSearch(episode);
        for (const q of queries)
          for (let i = 1; i <= q.length; i++) typing.search(q.slice(0, i), 10);
        const q = queries[queries.length - 1] ?? '';
        expect(typing.search(q, 10)).toEqual(createEpisodeSearch(episode).search(q, 10));
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});

describe('glossary kinds', () => {
  const episode = loadEpisode();
  const search = (kind: 'variant' | 'related') =>
    createTranscriptSearch(episode, {
      episode: 'rust-for-linux',
      entries: [{ meant: 'compiler', heard: ['operating system'], kind }],
    }).search('compiler', 50);
  const said = (text: string) => /\bcompiler\b/i.test(text);
  const other = (text: string) => !/compil/i.test(text) && /operating system/i.test(text);

  it('a term the conversation only relates to ranks below the term as said', () => {
    const hits = search('related');
    expect(hits.some((h) => other(h.text))).toBe(true);
    const lastSaid = hits.findLastIndex((h) => said(h.text));
    expect(lastSaid).toBeLessThan(hits.findIndex((h) => other(h.text)));
  });

  it('the same words as a variant rank above them as a related term', () => {
    const score = (kind: 'variant' | 'related') =>
      search(kind).find((h) => other(h.text))?.score ?? Number.NaN;
    expect(score('variant')).toBeLessThan(score('related'));
  });
});
