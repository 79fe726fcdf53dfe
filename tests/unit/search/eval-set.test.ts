/**
 * Integrity of the held-out listener query set (tests/fixtures/search-eval). This checks the set
 * itself, not the search engine: every query points at a sentence that exists in the packaged
 * episode and contains the quoted `said` words, the kinds are known, and the splits are disjoint
 * and each covers every kind.
 */
import { describe, expect, it } from 'vitest';
import { loadEpisode } from '@/lib/episode/packaged';
import dev from '../../fixtures/search-eval/dev.json';
import test from '../../fixtures/search-eval/test.json';

const KINDS = ['quote', 'misheard', 'typo', 'topic', 'partial'] as const;

interface EvalQuery {
  query: string;
  kind: string;
  turn: number;
  sentence: number;
  said: string;
}

const splits: Record<'dev' | 'test', { about: string; queries: EvalQuery[] }> = { dev, test };
const all = [...dev.queries, ...test.queries] as EvalQuery[];
const key = (q: EvalQuery) => q.query.trim().toLowerCase();

describe('search evaluation set', () => {
  const turns = loadEpisode().transcript.turns;

  it('points every query at an existing sentence whose text contains `said`', () => {
    for (const q of all) {
      const sentence = turns[q.turn]?.sentences[q.sentence];
      expect(sentence, `sentence ${q.turn}.${q.sentence} for "${q.query}"`).toBeDefined();
      expect(q.said.trim().length, `said for "${q.query}"`).toBeGreaterThan(0);
      expect(sentence?.text.toLowerCase(), `"${q.query}"`).toContain(q.said.toLowerCase());
    }
  });

  it('uses only known kinds and well-formed fields', () => {
    for (const q of all) {
      expect(KINDS as readonly string[], `kind of "${q.query}"`).toContain(q.kind);
      expect(q.query.trim().length).toBeGreaterThan(0);
      expect(Number.isInteger(q.turn) && q.turn >= 0).toBe(true);
      expect(Number.isInteger(q.sentence) && q.sentence >= 0).toBe(true);
    }
  });

  it('keeps dev and test disjoint, with no duplicate queries', () => {
    const devKeys = new Set(dev.queries.map(key));
    for (const q of test.queries) expect(devKeys.has(key(q)), `"${q.query}" in both`).toBe(false);
    expect(new Set(all.map(key)).size).toBe(all.length);
  });

  it('is large enough, with every kind in both splits', () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
    expect(test.queries.length).toBeGreaterThanOrEqual(40);
    for (const [name, split] of Object.entries(splits)) {
      expect(split.about.length, `${name}.about`).toBeGreaterThan(0);
      for (const kind of KINDS) {
        const n = split.queries.filter((q) => q.kind === kind).length;
        expect(n, `${kind} queries in ${name}`).toBeGreaterThanOrEqual(5);
      }
    }
  });
});
