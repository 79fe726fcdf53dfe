/**
 * The glossary of terms the speech-to-text got wrong (or spells in several ways). Search uses it
 * at index time so the real name finds the transcribed form and the other way round; the
 * displayed transcript is never changed.
 */
import * as v from 'valibot';
import glossaryJson from '../../assets/episodes/rust-for-linux/glossary.json';
import { tokenize } from './text';

const Phrase = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty('must not be empty'),
  v.check((s) => tokenize(s).length > 0, 'must contain at least one letter or digit'),
);

export const GlossaryEntrySchema = v.object({
  /** The correct term, as it should read ("Coccinelle"). */
  meant: Phrase,
  /** Forms in which it was transcribed or may be typed ("Coconut"). */
  heard: v.pipe(v.array(Phrase), v.minLength(1, 'needs at least one heard form')),
  /**
   * `misheard`: the transcript contains a wrong word; the hit shows "heard → meant".
   * `variant`: another spelling or name of the same thing; search only.
   * `related`: a term from the show notes the conversation talks about in other words; search
   * only, ranked a little lower than a literal match.
   */
  kind: v.picklist(['misheard', 'variant', 'related'], 'must be misheard, variant or related'),
  /** Why the entry exists (where it occurs, what it refers to). */
  note: v.optional(v.string()),
});

export const GlossarySchema = v.object({
  episode: v.string(),
  entries: v.array(GlossaryEntrySchema),
});

export type GlossaryEntry = v.InferOutput<typeof GlossaryEntrySchema>;
export type Glossary = v.InferOutput<typeof GlossarySchema>;

export const EMPTY_GLOSSARY: Glossary = { episode: '', entries: [] };

/**
 * Validates glossary data; throws one error listing every problem with its path, e.g.
 * `glossary.json: entries.3.heard.0: must not be empty`.
 */
export function parseGlossary(data: unknown, source = 'glossary.json'): Glossary {
  const result = v.safeParse(GlossarySchema, data);
  const problems: string[] = [];
  if (!result.success) {
    for (const issue of result.issues) {
      const path = v.getDotPath(issue);
      problems.push(`${source}: ${path ? `${path}: ` : ''}${issue.message}`);
    }
    throw new Error(`Invalid glossary:\n${problems.join('\n')}`);
  }
  // The same heard form meaning two different things would make corrections ambiguous.
  const seen = new Map<string, number>();
  result.output.entries.forEach((entry, i) => {
    for (const heard of entry.heard) {
      const key = tokenize(heard)
        .map((t) => t.norm)
        .join(' ');
      const previous = seen.get(key);
      if (previous !== undefined && entry.kind === 'misheard')
        problems.push(
          `${source}: entries.${i}.heard: "${heard}" is already a heard form of entries.${previous}`,
        );
      if (entry.kind === 'misheard') seen.set(key, i);
    }
  });
  if (problems.length > 0) throw new Error(`Invalid glossary:\n${problems.join('\n')}`);
  return result.output;
}

let packaged: Glossary | undefined;

/** The episode's curated glossary (assets/episodes/rust-for-linux/glossary.json), validated once. */
export function loadGlossary(): Glossary {
  packaged ??= parseGlossary(glossaryJson, 'assets/episodes/rust-for-linux/glossary.json');
  return packaged;
}
