/**
 * The glossary's forms as the index reads them: which forms each unit says, and the words it is
 * then found by besides its own.
 */
import type { Glossary } from './glossary';
import { type NumberSpan, tokenize } from './text';
import { RELATED } from './words';

export interface AliasForm {
  /** Folded words of this form of the term. */
  words: string[];
  /** Folded words of the term's other forms, which this form's words also stand for. */
  others: string[][];
  /** Set when the transcript saying this form is a speech-to-text error for `meant`. */
  meant: string | undefined;
  /** The term is only related to what is said: its words match a little weaker. */
  related: boolean;
}

/** Glossary forms by their first folded word, so a unit is scanned once whatever the glossary size. */
export function aliasForms(glossary: Glossary): Map<string, AliasForm[]> {
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
        related: entry.kind === 'related',
      };
      const first = words[0] ?? '';
      byFirst.set(first, [...(byFirst.get(first) ?? []), form]);
    });
  }
  return byFirst;
}

/** Where a glossary form is said: the first of its spoken words, and the form. */
export interface FormAt {
  at: number;
  form: AliasForm;
}

export function formsSaid(norms: readonly string[], forms: Map<string, AliasForm[]>): FormAt[] {
  const said: FormAt[] = [];
  norms.forEach((norm, at) => {
    for (const form of forms.get(norm) ?? [])
      if (form.words.every((word, j) => norms[at + j] === word)) said.push({ at, form });
  });
  return said;
}

/**
 * The words a unit is found by: its spoken words, the other forms of the glossary terms it says
 * (a related term's marked) and the digits of the numbers it spells (`spelledNumbers`). The
 * same words, in the same order, as `buildDetail` lists, which takes each word's id from here.
 */
export function termsOf(
  norms: readonly string[],
  said: readonly FormAt[],
  numbers: readonly NumberSpan[],
): string[] {
  const terms = norms.slice();
  for (const { form } of said) {
    const mark = form.related ? RELATED : '';
    for (const other of form.others) for (const norm of other) terms.push(mark + norm);
  }
  for (const span of numbers) terms.push(span.digits);
  return terms;
}
