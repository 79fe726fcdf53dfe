/**
 * The search index: every sentence and every two-sentence passage of the transcript as a unit
 * of folded word tokens, with the glossary's aliases attached to the words they stand for, and
 * an inverted index from each word to the units that contain it. Built once when the sidebar
 * opens; queries then touch only the units that share a word (or a near word) with the query.
 */
import type { Episode } from '../episode/schema';
import type { Glossary } from './glossary';
import { aliasForms, type FormAt, formsSaid, termsOf } from './glossary-forms';
import { type NumberSpan, spelledNumbers, type Token, tokenize } from './text';
import { RELATED } from './words';

export interface IndexedWord {
  norm: string;
  /** [start, end) in the unit's text: the words this token highlights. */
  start: number;
  end: number;
  /** The spoken words it stands for, as indices into the unit's spoken words: [first, last]. */
  first: number;
  last: number;
}

export interface Correction {
  heard: string;
  meant: string;
}

export interface SearchUnit {
  turn: number;
  sentence: number;
  sentenceCount: number;
  speaker: string;
  start: number;
  text: string;
  /** Words as spoken, then glossary aliases and spelled-out numbers pointing at their words. */
  words: IndexedWord[];
  /** Folded words as spoken, joined by spaces and with a space at each end, for the phrase test. */
  phrase: string;
  /** Where each spoken word starts in `phrase`, and `phrase.length` last. */
  phraseStarts: Int32Array;
  /** Vocabulary id of each entry of `words`. */
  wordIds: Int32Array;
  corrections: Correction[];
}

export interface SearchIndex {
  units: SearchUnit[];
  /** Every distinct folded word (as spoken or as an alias); its position is its id. */
  vocabulary: string[];
  /** By vocabulary id: the ids of the units containing that word, in increasing order. */
  postings: Int32Array[];
  /** By vocabulary id: how rare the word is among the units (BM25's inverse document frequency). */
  rarity: Float64Array;
  /**
   * By unit id: BM25's length factor for a word said once, about 1 for a unit of average length,
   * more for a shorter one: the same words in fewer say more.
   */
  lengthFactor: Float64Array;
}

/** BM25's usual constants: how fast repeats stop counting, and how much length matters. */
const K1 = 1.2;
const B = 0.75;

type UnitText = Pick<
  SearchUnit,
  'turn' | 'sentence' | 'sentenceCount' | 'speaker' | 'start' | 'text' | 'phrase'
>;
type UnitDetail = Pick<SearchUnit, 'words' | 'phraseStarts' | 'wordIds' | 'corrections'>;

/** What only the leaders and the hits read: each word's place in the text, the corrections. */
function buildDetail(
  base: UnitText,
  tokens: readonly Token[],
  said: readonly FormAt[],
  numbers: readonly NumberSpan[],
  wordIds: Int32Array,
): UnitDetail {
  const words: IndexedWord[] = tokens.map((t, i) => ({
    norm: t.norm,
    start: t.start,
    end: t.end,
    first: i,
    last: i,
  }));
  const misheard: Array<Correction & { start: number; end: number }> = [];
  for (const { at, form } of said) {
    const first = tokens[at] as Token;
    const last = tokens[at + form.words.length - 1] ?? first;
    // Every other form of the term now points at these spoken words.
    const span = { start: first.start, end: last.end, first: at, last: at + form.words.length - 1 };
    const mark = form.related ? RELATED : '';
    for (const other of form.others)
      for (const norm of other) words.push({ norm: mark + norm, ...span });
    if (form.meant)
      misheard.push({
        heard: base.text.slice(first.start, last.end),
        meant: form.meant,
        start: first.start,
        end: last.end,
      });
  }
  // One correction per stretch of misheard words: "julia luau → Julia Lawall", not that and
  // "luau → Julia Lawall" for a part of it; the same words heard twice are one correction too.
  const corrections: Correction[] = [];
  for (const c of misheard) {
    const within = misheard.some(
      (o) =>
        o !== c &&
        o.meant === c.meant &&
        o.start <= c.start &&
        c.end <= o.end &&
        o.end - o.start > c.end - c.start,
    );
    const same = (k: Correction) =>
      k.meant === c.meant && k.heard.toLowerCase() === c.heard.toLowerCase();
    if (!within && !corrections.some(same)) corrections.push({ heard: c.heard, meant: c.meant });
  }
  for (const span of numbers) {
    const first = tokens[span.from] as Token;
    const last = tokens[span.to - 1] as Token;
    words.push({
      norm: span.digits,
      start: first.start,
      end: last.end,
      first: span.from,
      last: span.to - 1,
    });
  }
  const phraseStarts = new Int32Array(tokens.length + 1);
  let at = 1;
  tokens.forEach((token, i) => {
    phraseStarts[i] = at;
    at += token.norm.length + 1;
  });
  phraseStarts[tokens.length] = at;
  return { words, phraseStarts, wordIds, corrections };
}

export function buildSearchIndex(episode: Episode, glossary: Glossary): SearchIndex {
  const forms = aliasForms(glossary);
  const idOf = new Map<string, number>();
  const lists: number[][] = [];
  const units: SearchUnit[] = [];
  const lengths: number[] = [];
  // Every unit's details are built with the index, in idle time (`warm()`), rather than the
  // first time a unit is a leader or a hit: that was a third of the slowest keystrokes.
  const add = (base: Omit<UnitText, 'phrase'>, norms: string[], tokens: Token[]) => {
    const unitId = units.length;
    const said = formsSaid(norms, forms);
    const numbers = spelledNumbers(norms);
    const terms = termsOf(norms, said, numbers);
    const wordIds = new Int32Array(terms.length);
    terms.forEach((term, k) => {
      let id = idOf.get(term);
      if (id === undefined) {
        id = lists.length;
        idOf.set(term, id);
        lists.push([]);
      }
      wordIds[k] = id;
      const list = lists[id] as number[];
      if (list[list.length - 1] !== unitId) list.push(unitId);
    });
    const text = { ...base, phrase: ` ${norms.join(' ')} ` };
    units.push({ ...text, ...buildDetail(text, tokens, said, numbers, wordIds) });
    lengths.push(norms.length);
  };
  episode.transcript.turns.forEach((turn, t) => {
    // Each sentence is read once; a passage's words are its two sentences' words.
    const read = turn.sentences.map((sentence) => tokenize(sentence.text));
    const norms = read.map((tokens) => tokens.map((k) => k.norm));
    turn.sentences.forEach((sentence, s) => {
      const base = { turn: t, sentence: s, speaker: turn.speaker, start: sentence.start };
      const tokens = read[s] as Token[];
      add({ ...base, sentenceCount: 1, text: sentence.text }, norms[s] as string[], tokens);
      // A passage of two sentences finds a quote that runs over a sentence boundary.
      const next = turn.sentences[s + 1];
      if (!next) return;
      const shift = sentence.text.length + 1;
      add(
        { ...base, sentenceCount: 2, text: `${sentence.text} ${next.text}` },
        (norms[s] as string[]).concat(norms[s + 1] as string[]),
        tokens.concat(
          (read[s + 1] as Token[]).map((k) => ({
            norm: k.norm,
            start: k.start + shift,
            end: k.end + shift,
          })),
        ),
      );
    });
  });
  const n = units.length;
  const rarity = Float64Array.from(lists, (l) =>
    Math.log(1 + (n - l.length + 0.5) / (l.length + 0.5)),
  );
  const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const lengthFactor = Float64Array.from(
    lengths,
    (length) => (K1 + 1) / (1 + K1 * (1 - B + (B * length) / Math.max(1, average))),
  );
  return {
    units,
    vocabulary: [...idOf.keys()],
    postings: lists.map((l) => Int32Array.from(l)),
    rarity,
    lengthFactor,
  };
}
