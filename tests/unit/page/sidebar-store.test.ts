import { describe, expect, it } from 'vitest';
import { createSidebarStore, markRuns } from '@/lib/page/sidebar-store';
import { createTranscriptSearch } from '@/lib/search/transcript-search';
import { sampleEpisode } from '../../fixtures/sample-episode';

const makeStore = () => {
  const engine = createTranscriptSearch(sampleEpisode);
  return createSidebarStore((q, limit) => engine.search(q, limit));
};

describe('sidebar store', () => {
  it('starts on the transcript with no search', () => {
    const store = makeStore();
    expect(store.get()).toMatchObject({ tab: 'transcript', query: '', hits: [], active: -1 });
  });

  it('makes the first result active and wraps ↑/↓ around the results', () => {
    const store = makeStore();
    store.setQuery("I'm");
    const count = store.get().hits.length;
    expect(count).toBeGreaterThan(2);
    expect(store.get().active).toBe(0);
    store.moveActive(-1);
    expect(store.get().active).toBe(count - 1);
    store.moveActive(1);
    expect(store.get().active).toBe(0);
  });

  it('opens a result in the transcript, even from another tab', () => {
    const store = makeStore();
    store.selectTab('links');
    store.setQuery('coconut');
    const hit = store.openHit();
    expect(hit?.text).toContain('Coconut');
    expect(store.get().tab).toBe('transcript');
    expect(store.get().target).toMatchObject({ turn: 4, sentence: 0 });
  });

  it('asks again for the same sentence as a new target, so it flashes again', () => {
    const store = makeStore();
    store.showInTranscript(2, 1);
    const first = store.get().target;
    store.showInTranscript(2, 1);
    expect(store.get().target).not.toBe(first);
    expect(store.get().target?.nonce).not.toBe(first?.nonce);
  });

  it('clears the search on Esc and has no active result then', () => {
    const store = makeStore();
    store.setQuery('rust');
    store.clearQuery();
    expect(store.get()).toMatchObject({ query: '', hits: [], active: -1 });
    expect(store.openHit()).toBeUndefined();
  });

  it('finds nothing for a blank query', () => {
    const store = makeStore();
    store.setQuery('   ');
    expect(store.get().hits).toEqual([]);
  });

  it('tells listeners about changes and stops when unsubscribed', () => {
    const store = makeStore();
    const seen: string[] = [];
    const stop = store.subscribe(() => seen.push(store.get().tab));
    store.selectTab('people');
    stop();
    store.selectTab('saved');
    expect(seen).toEqual(['people']);
  });
});

describe('markRuns', () => {
  it.each([
    [
      'Coconut rewrites code',
      [[0, 7]],
      [
        ['Coconut', true],
        [' rewrites code', false],
      ],
    ],
    ['abc', [], [['abc', false]]],
    [
      'abcdef',
      [
        [4, 99],
        [1, 2],
      ],
      [
        ['a', false],
        ['b', true],
        ['cd', false],
        ['ef', true],
      ],
    ],
    [
      'abcdef',
      [
        [1, 4],
        [2, 5],
      ],
      [
        ['a', false],
        ['bcde', true],
        ['f', false],
      ],
    ],
    [
      'abc',
      [
        [2, 1],
        [-5, 0],
      ],
      [['abc', false]],
    ],
  ] as const)('%s with %j', (text, ranges, runs) => {
    expect(markRuns(text, ranges).map((r) => [r.text, r.marked])).toEqual(runs);
    expect(
      markRuns(text, ranges)
        .map((r) => r.text)
        .join(''),
    ).toBe(text);
  });
});
