import { describe, expect, it } from 'vitest';
import { loadEpisode } from '@/lib/episode/packaged';
import { loadGlossary } from '@/lib/search/glossary';
import { buildSearchIndex } from '@/lib/search/unit-index';

describe('search index', () => {
  it('gives each word of a unit the vocabulary id of its own folded form', () => {
    const index = buildSearchIndex(loadEpisode(), loadGlossary());
    for (const unit of index.units) {
      expect(unit.wordIds.length).toBe(unit.words.length);
      const named = Array.from(unit.wordIds, (id) => index.vocabulary[id]);
      expect(named).toEqual(unit.words.map((word) => word.norm));
    }
  });
});
