/**
 * How the query's words sit in each leading unit, for the close calls among the leaders: fuse.js
 * scores how the query's letters line up with the stretch of the unit around the words that
 * matched, and closeness says how tightly those words sit together.
 */
import Fuse from 'fuse.js';
import { ANY, CONTENT, type QueryWord } from './query';
import { STOP_WORDS } from './text';
import type { IndexedWord, SearchUnit } from './unit-index';

/** fuse.js splits longer patterns into pieces; the first 32 characters say enough. */
const FUSE_PATTERN_LENGTH = 32;
/** Spoken words kept on each side of the matched ones in the stretch fuse.js scores. */
const FUSE_CONTEXT_WORDS = 1;
/** Scores kept for one pattern at most; past it they are dropped and scored again. */
const MAX_KEPT_LETTERS = 1000;

export interface LeaderFit {
  /** fuse.js's score of the unit's stretch: 0 lines up perfectly, 1 not at all. */
  letters: number;
  /**
   * The query's words found in the unit (small words included) over the span they cover, or over
   * the query's length when that is longer: 1 when all of them sit side by side.
   */
  closeness: number;
}

interface Stretch {
  text: string;
  closeness: number;
}

export class LeaderScorer {
  // Bitap runs one pass over the text per error it allows. A stretch that needs more than 40% of
  // the pattern changed does not line up with it at all, so it is scored 1 without the passes
  // that would say how badly; the length of the stretch (our own cut) says nothing either.
  private readonly fuse = new Fuse<string>([], {
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    shouldSort: false,
    threshold: 0.4,
    isCaseSensitive: true,
  });

  /** fuse.js's scores of stretches for `pattern`, the query's pattern at the last search. */
  private pattern = '';
  private readonly letters = new Map<string, number>();

  constructor(private readonly marks: Uint8Array) {}

  fit(
    leaders: readonly SearchUnit[],
    content: readonly QueryWord[],
    queryLength: number,
  ): LeaderFit[] {
    const pattern = content
      .map((w) => w.norm)
      .join(' ')
      .slice(0, FUSE_PATTERN_LENGTH);
    const smallWordsToo = content.some((w) => STOP_WORDS.has(w.norm));
    const stretches = leaders.map((unit) => this.stretch(unit, smallWordsToo, queryLength));
    // fuse.js scores each stretch on its own, so a score is kept for as long as the pattern
    // stays: a small word, a word just begun or a space typed, and every key past the pattern's
    // 32 characters, then score only the stretches new to the leaders.
    if (pattern !== this.pattern || this.letters.size > MAX_KEPT_LETTERS) {
      this.pattern = pattern;
      this.letters.clear();
    }
    const letters = this.letters;
    // A sentence and the passage that begins with it often share their stretch: score it once.
    const fresh = new Set<string>();
    for (const s of stretches) if (!letters.has(s.text)) fresh.add(s.text);
    if (fresh.size > 0) {
      this.fuse.setCollection([...fresh]);
      for (const text of fresh) letters.set(text, 1);
      for (const result of this.fuse.search(pattern)) letters.set(result.item, result.score ?? 1);
    }
    return stretches.map((s) => ({ letters: letters.get(s.text) ?? 1, closeness: s.closeness }));
  }

  /**
   * The stretch of the unit's folded words around those the query matched, for fuse.js. Like the
   * pattern it leaves out the small words, unless the query is only small words: "rust save
   * linux" then lines up with "rust is gonna save linux" as closely as it should.
   */
  private stretch(unit: SearchUnit, smallWordsToo: boolean, queryLength: number): Stretch {
    let first = Number.MAX_SAFE_INTEGER;
    let last = -1;
    let anyFirst = Number.MAX_SAFE_INTEGER;
    let anyLast = -1;
    let matched = 0;
    const { words, wordIds, phrase, phraseStarts } = unit;
    const spoken = phraseStarts.length - 1;
    for (let k = 0; k < wordIds.length; k++) {
      const mark = this.marks[wordIds[k] as number] as number;
      const word = words[k];
      if (!word || !(mark & ANY)) continue;
      matched++;
      if (word.first < anyFirst) anyFirst = word.first;
      if (word.last > anyLast) anyLast = word.last;
      if (!(mark & CONTENT)) continue;
      if (word.first < first) first = word.first;
      if (word.last > last) last = word.last;
    }
    if (last < 0) return { text: phrase, closeness: 0 };
    const span = Math.max(anyLast - anyFirst + 1, queryLength);
    const closeness = Math.min(1, matched / span);
    const from = Math.max(0, first - FUSE_CONTEXT_WORDS);
    const to = Math.min(spoken - 1, last + FUSE_CONTEXT_WORDS);
    if (smallWordsToo)
      return {
        text: phrase.slice((phraseStarts[from] as number) - 1, phraseStarts[to + 1]),
        closeness,
      };
    let text = '';
    for (let i = from; i <= to; i++) {
      const norm = (words[i] as IndexedWord).norm;
      if (!STOP_WORDS.has(norm)) text += ` ${norm}`;
    }
    return { text: `${text} `, closeness };
  }
}
