/**
 * A query as the index reads it: its folded words, which of them drive the ranking, and the
 * vocabulary words each stands for, marked in a table the ranking and the highlights read.
 */
import { STOP_WORDS, tokenize } from './text';
import type { WordMatches } from './words';

/** Words of a query that are read; the rest of a pasted page of text adds nothing. */
const MAX_QUERY_WORDS = 12;
/** Characters of a query that are read. */
const MAX_QUERY_LENGTH = 400;

/** Bits of a mark: the vocabulary word matches a content word of the query, or any word of it. */
export const CONTENT = 1;
export const ANY = 2;

export interface QueryWord {
  norm: string;
  matches: WordMatches;
  /** A word that drives the ranking: not a small word ("the", "was"), nor one just begun. */
  content: boolean;
}

export function readQuery(
  query: string,
  matchWord: (word: string, typing: boolean) => WordMatches,
): QueryWord[] {
  const tokens = tokenize(query.slice(0, MAX_QUERY_LENGTH), MAX_QUERY_WORDS + 1);
  // Past the words read, the last one read is not the one being typed.
  const cut = tokens.length > MAX_QUERY_WORDS;
  if (cut) tokens.length = MAX_QUERY_WORDS;
  const typingAt = !cut && /[\p{L}\p{N}]$/u.test(query) ? tokens.length - 1 : -1;
  const allStop = tokens.every((t) => STOP_WORDS.has(t.norm));
  return tokens.map((t, i) => {
    // A word just begun (one or two letters after others) narrows nothing yet: it only helps
    // the ranking until it is long enough to mean something.
    const begun = i === typingAt && i > 0 && t.norm.length <= 2;
    return {
      norm: t.norm,
      matches: matchWord(t.norm, i === typingAt),
      content: !begun && (allStop || !STOP_WORDS.has(t.norm)),
    };
  });
}

/** Marks, by vocabulary id, of the words the current query matches; all zero between searches. */
export class QueryMarks {
  readonly bits: Uint8Array;

  constructor(vocabularySize: number) {
    this.bits = new Uint8Array(vocabularySize);
  }

  set(words: readonly QueryWord[], on: boolean) {
    for (const word of words) {
      const bits = ANY | (word.content ? CONTENT : 0);
      const { ids } = word.matches;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] as number;
        this.bits[id] = on ? (this.bits[id] as number) | bits : 0;
      }
    }
  }
}
