/**
 * Reading any stored favourite, whatever version wrote it.
 *
 * Version 1 (extension 0.0.x) kept every favourite in one array under `favourites`, entries like
 * `{ type: 'link', linkId, title, url, added }` and
 * `{ type: 'quote', turn, sentence, text, speaker, time: 'MM:SS', added }`; two tabs saving at once
 * rewrote the whole array and one of them lost its favourite. Version 2 stores one record per key
 * (see schema.ts); version 3 is version 2 with room for notes and clips, so its migration only
 * renumbers. A value is never thrown away here: the caller gets either a current
 * record, "made by a newer version" (leave it alone) or a reason it cannot be read (set it aside).
 */
import * as v from 'valibot';
import { WebUrl } from '../episode/schema';
import { parseTime } from '../time';
import {
  FAVOURITES_VERSION,
  type Favourite,
  FavouriteSchema,
  LinkId,
  quoteId,
  storedVersionOf,
} from './schema';

export type ReadResult =
  | { status: 'ok'; record: Favourite; migrated: boolean }
  | { status: 'newer'; version: number }
  | { status: 'invalid'; reason: string };

const IsoDate = v.pipe(
  v.string(),
  v.check((s) => Number.isFinite(Date.parse(s)), 'must be a date'),
);
const Text = v.pipe(v.string(), v.trim(), v.nonEmpty());
const Index = v.pipe(v.number(), v.integer(), v.minValue(0));

const V1LinkSchema = v.object({
  type: v.literal('link'),
  linkId: LinkId,
  title: Text,
  url: WebUrl,
  added: IsoDate,
});
const V1QuoteSchema = v.object({
  type: v.literal('quote'),
  turn: Index,
  sentence: Index,
  text: Text,
  speaker: v.string(),
  time: v.pipe(
    v.string(),
    v.check((s) => parseTime(s) !== undefined, 'must be a time like 12:34'),
  ),
  added: IsoDate,
});
const V1EntrySchema = v.variant('type', [V1LinkSchema, V1QuoteSchema]);

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return `${path ? `${path}: ` : ''}${issue.message}`;
    })
    .join('; ');
}

function parseOrThrow<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new Error(describeIssues(result.issues));
  return result.output;
}

/** `migrations[n]` turns a version n-1 value into a version n value, as in WXT's `defineItem`. */
export const migrations: Record<number, (previous: unknown) => unknown> = {
  2: (previous) => {
    const entry = parseOrThrow(V1EntrySchema, previous);
    const savedAt = Date.parse(entry.added);
    if (entry.type === 'link') {
      return {
        v: 2,
        kind: 'link',
        id: entry.linkId,
        source: 'resource',
        title: entry.title,
        url: entry.url,
        savedAt,
      };
    }
    // Version 1 did not store the turn's start; the sentence time stands in for it, and the
    // text hash still finds the sentence again (see favourites-resolve.ts).
    const start = parseTime(entry.time) ?? 0;
    return {
      v: 2,
      kind: 'quote',
      id: quoteId(start, entry.text),
      turn: entry.turn,
      sentence: entry.sentence,
      turnStart: start,
      text: entry.text,
      speakerId: entry.speaker,
      speakerName: '',
      start,
      savedAt,
    };
  },
  // Version 2 records are version 3 records without a note or clip: the schema checks the rest.
  3: (previous) => {
    if (typeof previous !== 'object' || previous === null) throw new Error('not a record');
    return { ...previous, v: 3 };
  },
};

function versionOf(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  if ('v' in record) {
    return typeof record.v === 'number' && Number.isInteger(record.v) && record.v >= 1
      ? record.v
      : undefined;
  }
  return 'type' in record ? 1 : undefined;
}

/** Reads one stored (or imported) favourite of any version. */
export function readFavourite(raw: unknown): ReadResult {
  const version = versionOf(raw);
  if (version === undefined) {
    return { status: 'invalid', reason: 'not a favourite (no version or kind)' };
  }
  if (version > FAVOURITES_VERSION) return { status: 'newer', version };
  let value = raw;
  for (let next = version + 1; next <= FAVOURITES_VERSION; next++) {
    try {
      value = migrations[next]?.(value) ?? value;
    } catch (error) {
      return {
        status: 'invalid',
        reason: `version ${version} value cannot be migrated: ${(error as Error).message}`,
      };
    }
  }
  const result = v.safeParse(FavouriteSchema, value);
  if (!result.success) return { status: 'invalid', reason: describeIssues(result.issues) };
  const record = result.output;
  if (record.kind === 'quote') {
    const id = quoteId(record.turnStart, record.text);
    if (id !== record.id) return { status: 'ok', record: { ...record, id }, migrated: true };
  }
  // Version 2 is how a favourite without a note or clip is still stored: nothing to rewrite.
  return { status: 'ok', record, migrated: version < storedVersionOf(record) };
}

export interface LegacyListResult {
  records: Favourite[];
  /** The same records with their position in the array and their value as stored. */
  readable: { index: number; raw: unknown; record: Favourite }[];
  /** Entries that could not be read, with their position in the array. */
  invalid: { index: number; raw: unknown; reason: string }[];
  newer: { index: number; raw: unknown; version: number }[];
}

/** Splits a version 1 array into readable records and the entries to set aside. */
export function readLegacyList(raw: unknown): LegacyListResult | { reason: string } {
  if (!Array.isArray(raw)) return { reason: 'version 1 favourites should be an array' };
  const out: LegacyListResult = { records: [], readable: [], invalid: [], newer: [] };
  raw.forEach((entry, index) => {
    const result = readFavourite(entry);
    if (result.status === 'ok') {
      out.records.push(result.record);
      out.readable.push({ index, raw: entry, record: result.record });
    } else if (result.status === 'newer')
      out.newer.push({ index, raw: entry, version: result.version });
    else out.invalid.push({ index, raw: entry, reason: result.reason });
  });
  return out;
}
