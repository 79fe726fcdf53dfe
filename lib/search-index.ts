/**
 * The search index: every sentence and every two-sentence passage of the transcript as a unit
 * of folded word tokens, with the glossary's aliases attached to the words they stand for, and
 * an inverted index from each word to the units that contain it. Built once when the sidebar
 * opens; queries then touch only the units that share a word (or a near word) with the query.
 */
import type { Episode } from './episode-schema';
import type { Glossary } from './glossary';
import { spelledNumbers, tokenize } from './search-text';

export interface IndexedWord {
  norm: string;
  /** [start, end) in the unit's text: the words this token highlights. */
  start: number;
  end: number;
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
  /** Folded words as spoken, joined by spaces, for the exact-phrase test. */
  phrase: string;
  corrections: Correction[];
}

export interface SearchIndex {
  units: SearchUnit[];
  /** Folded word → ids of the units containing it (as spoken or as an alias). */
  postings: Map<string, number[]>;
  /** Every distinct folded word, for prefix and typo look-ups. */
  vocabulary: string[];
}

interface AliasForm {
  /** Folded words of this form of the term. */
  words: string[];
  /** Folded words of the term's other forms, which this form's words also stand for. */
  others: string[][];
  /** Set when the transcript saying this form is a speech-to-text error for `meant`. */
  meant: string | undefined;
}

/** Glossary forms by their first folded word, so a unit is scanned once whatever the glossary size. */
function aliasForms(glossary: Glossary): Map<string, AliasForm[]> {
  const fold = (text: string) => tokenize(text).map((t) => t.norm);
  const byFirst = new Map<string, AliasForm[]>();
  for (const entry of glossary.entries) {
    const meant = fold(entry.meant);
    const forms = [entry.meant, ...entry.heard].map(fold).filter((f) => f.length > 0);
    forms.forEach((words, i) => {
      const misheard = entry.kind === 'misheard' && i > 0 && words.join(' ') !== meant.join(' ');
      const form = {
        words,
        others: forms.filter((other) => other !== words),
        meant: misheard ? entry.meant : undefined,
      };
      const first = words[0] ?? '';
      byFirst.set(first, [...(byFirst.get(first) ?? []), form]);
    });
  }
  return byFirst;
}

function buildUnit(
  base: Omit<SearchUnit, 'words' | 'phrase' | 'corrections'>,
  forms: Map<string, AliasForm[]>,
): SearchUnit {
  const tokens = tokenize(base.text);
  const norms = tokens.map((t) => t.norm);
  const words: IndexedWord[] = tokens.map((t) => ({ norm: t.norm, start: t.start, end: t.end }));
  const corrections: Correction[] = [];
  tokens.forEach((first, at) => {
    for (const form of forms.get(first.norm) ?? []) {
      if (form.words.some((word, j) => norms[at + j] !== word)) continue;
      const last = tokens[at + form.words.length - 1] ?? first;
      // Every other form of the term now points at these spoken words.
      for (const other of form.others)
        for (const norm of other) words.push({ norm, start: first.start, end: last.end });
      const heard = base.text.slice(first.start, last.end);
      if (form.meant && !corrections.some((c) => c.heard === heard && c.meant === form.meant))
        corrections.push({ heard, meant: form.meant });
    }
  });
  for (const span of spelledNumbers(norms)) {
    const first = tokens[span.from];
    const last = tokens[span.to - 1];
    if (first && last) words.push({ norm: span.digits, start: first.start, end: last.end });
  }
  return { ...base, words, phrase: ` ${norms.join(' ')} `, corrections };
}

export function buildSearchIndex(episode: Episode, glossary: Glossary): SearchIndex {
  const forms = aliasForms(glossary);
  const units: SearchUnit[] = [];
  episode.transcript.turns.forEach((turn, t) => {
    turn.sentences.forEach((sentence, s) => {
      const base = { turn: t, sentence: s, speaker: turn.speaker, start: sentence.start };
      units.push(buildUnit({ ...base, sentenceCount: 1, text: sentence.text }, forms));
      // A passage of two sentences finds a quote that runs over a sentence boundary.
      const next = turn.sentences[s + 1];
      if (next)
        units.push(
          buildUnit({ ...base, sentenceCount: 2, text: `${sentence.text} ${next.text}` }, forms),
        );
    });
  });
  const postings = new Map<string, number[]>();
  units.forEach((unit, id) => {
    for (const word of unit.words) {
      const list = postings.get(word.norm);
      if (!list) postings.set(word.norm, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    }
  });
  return { units, postings, vocabulary: [...postings.keys()] };
}
