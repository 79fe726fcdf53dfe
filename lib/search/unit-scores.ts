/**
 * Per-unit sums over a query's words: how many content words each unit holds and how much they
 * are worth (each word's best match in the unit, weighted by its rarity). Sums live in typed
 * arrays reused from search to search, and while typing only the last word's postings are walked:
 * the sums over the words before it are kept from the keystroke before.
 */
import type { QueryWord } from './query';

/** What a small word ("the", "was") adds to a unit that already holds a content word. */
const SMALL_WORD_SHARE = 0.2;

export class UnitScores {
  /** Units with a sum, in the order they were first reached; `count` of them are valid. */
  readonly touched: Int32Array;
  /** By unit: content words held, and their worth. Left zero by `take`. */
  private readonly found: Uint8Array;
  private readonly worth: Float64Array;
  /** By unit: the best match of the word being added; all zero between words. */
  private readonly wordBest: Float64Array;
  private readonly seen: Int32Array;
  private kept = {
    key: '',
    touched: new Int32Array(0),
    found: new Uint8Array(0),
    worth: new Float64Array(0),
  };

  constructor(
    unitCount: number,
    private readonly postings: readonly Int32Array[],
  ) {
    this.touched = new Int32Array(unitCount);
    this.found = new Uint8Array(unitCount);
    this.worth = new Float64Array(unitCount);
    this.wordBest = new Float64Array(unitCount);
    this.seen = new Int32Array(unitCount);
  }

  /** Sums over every word of the query; returns how many units were touched. */
  sum(words: readonly QueryWord[]): number {
    const last = words.length - 1;
    const before = words
      .slice(0, last)
      .map((w) => `${w.content ? '+' : '-'}${w.norm}`)
      .join(' ');
    let count = 0;
    if (last > 0 && this.kept.key === before) {
      count = this.kept.touched.length;
      this.touched.set(this.kept.touched);
      for (let k = 0; k < count; k++) {
        const id = this.touched[k] as number;
        this.found[id] = this.kept.found[k] as number;
        this.worth[id] = this.kept.worth[k] as number;
      }
    } else {
      for (let w = 0; w < last; w++) count = this.add(words[w] as QueryWord, count);
      if (last > 0) this.keep(before, count);
    }
    return this.add(words[last] as QueryWord, count);
  }

  /** The sums of one touched unit; clears them, so read each unit once per search. */
  take(id: number): { found: number; worth: number } {
    const found = this.found[id] as number;
    const worth = this.worth[id] as number;
    this.found[id] = 0;
    this.worth[id] = 0;
    return { found, worth };
  }

  private keep(key: string, count: number) {
    this.kept = {
      key,
      touched: this.touched.slice(0, count),
      found: new Uint8Array(count),
      worth: new Float64Array(count),
    };
    for (let k = 0; k < count; k++) {
      const id = this.touched[k] as number;
      this.kept.found[k] = this.found[id] as number;
      this.kept.worth[k] = this.worth[id] as number;
    }
  }

  /** Adds one query word's postings to the sums; returns the new count of touched units. */
  private add(word: QueryWord, count: number): number {
    let seenCount = 0;
    const { ids, scores } = word.matches;
    for (let m = 0; m < ids.length; m++) {
      const score = scores[m] as number;
      const list = this.postings[ids[m] as number] as Int32Array;
      for (let k = 0; k < list.length; k++) {
        const id = list[k] as number;
        const before = this.wordBest[id] as number;
        if (before === 0) this.seen[seenCount++] = id;
        if (before < score) this.wordBest[id] = score;
      }
    }
    let n = count;
    for (let k = 0; k < seenCount; k++) {
      const id = this.seen[k] as number;
      const score = this.wordBest[id] as number;
      this.wordBest[id] = 0;
      if (word.content) {
        if (this.found[id] === 0 && this.worth[id] === 0) this.touched[n++] = id;
        this.found[id] = (this.found[id] as number) + 1;
        this.worth[id] = (this.worth[id] as number) + score;
      } else if (this.worth[id] !== 0)
        this.worth[id] = (this.worth[id] as number) + score * SMALL_WORD_SHARE;
    }
    return n;
  }
}
