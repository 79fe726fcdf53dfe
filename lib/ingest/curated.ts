/**
 * Hand-curated episode files that live beside page.txt:
 * - links.json: per link title, its topic group and the terms that find where it comes up in the
 *   conversation (including what speech-to-text made of the name, e.g. "coconut" for Coccinelle);
 * - people.json: per person (full name), a one-line title drawn from the page and, for people
 *   without an "About" section (the host), a bio written only from facts stated in the page.
 */
import * as v from 'valibot';
import { LinkGroupSchema } from '../episode/schema';
import { escapeRegExp } from '../regexp';
import { lineOf, SourceError } from './source-error';

const Text = v.pipe(v.string(), v.trim(), v.nonEmpty());

export const CuratedLinksSchema = v.record(
  Text,
  v.object({
    group: LinkGroupSchema,
    /** Case-insensitive whole-word phrases; any whitespace in a term matches any whitespace. */
    terms: v.pipe(v.array(Text), v.minLength(1, 'needs at least one mention term')),
  }),
);

export const CuratedPeopleSchema = v.record(
  Text,
  v.object({
    title: Text,
    bio: v.optional(v.array(Text)),
  }),
);

export type CuratedLinks = v.InferOutput<typeof CuratedLinksSchema>;
export type CuratedPeople = v.InferOutput<typeof CuratedPeopleSchema>;

export function parseCuratedJson<T>(
  schema: v.GenericSchema<unknown, T>,
  text: string,
  file: string,
): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new SourceError(file, line, `invalid JSON: ${message}`);
  }
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const key = issue.path?.[issue.path.length - 1]?.key;
  const line =
    (typeof issue.input === 'string' ? lineOf(text, JSON.stringify(issue.input)) : undefined) ??
    (key !== undefined ? lineOf(text, JSON.stringify(String(key))) : undefined);
  throw new SourceError(file, line, `${v.getDotPath(issue) ?? '(top level)'}: ${issue.message}`);
}

/** Whole-word, case-insensitive matcher for a list of phrases. */
export function termMatcher(terms: readonly string[]): RegExp {
  const alternatives = terms.map((t) => escapeRegExp(t.trim()).replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}

/** Indexes of the turns whose text matches one of the terms, in order. */
export function findMentions(turnTexts: readonly string[], terms: readonly string[]): number[] {
  const matcher = termMatcher(terms);
  const found: number[] = [];
  turnTexts.forEach((text, i) => {
    if (matcher.test(text)) found.push(i);
  });
  return found;
}
