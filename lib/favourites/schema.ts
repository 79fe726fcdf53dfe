/**
 * What a saved favourite looks like in storage (schema version 3) and how it is identified.
 * Version 3 adds the listener's note (any favourite) and clips (a quote of several consecutive
 * sentences); version 2 records are the same shape without them (see migrations.ts).
 *
 * Every favourite is one self-contained record carrying its own schema version (`v`), so any
 * single stored value can be read, migrated or set aside on its own (see favourites-migrations.ts).
 */
import * as v from 'valibot';
import { WebUrl } from '../episode/schema';

export const FAVOURITES_VERSION = 3;

/** A note is plain text the listener writes; longer ones are refused before they are stored. */
export const NOTE_MAX_LENGTH = 2000;
/** A clip is at most this many sentences (a long answer is about 30). */
export const CLIP_MAX_LINES = 60;

const SavedAt = v.pipe(v.number(), v.integer(), v.minValue(0));
const Seconds = v.pipe(v.number(), v.finite(), v.minValue(0));
const Index = v.pipe(v.number(), v.integer(), v.minValue(0));
const Text = (max: number) => v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(max));

/** Link ids are kebab-case slugs; official links (which have no id of their own) get `official-…`. */
export const LinkId = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug'),
  v.maxLength(120),
);

/** What every favourite may carry besides its own fields. */
const Annotations = {
  /** The listener's own note: plain text, never empty (no note means no field). */
  note: v.optional(v.pipe(v.string(), v.nonEmpty(), v.maxLength(NOTE_MAX_LENGTH))),
  /** When the note was last changed; the newer of two copies of a favourite wins (see `revisionOf`). */
  editedAt: v.optional(SavedAt),
};

const SpeakerRef = v.object({ id: v.string(), name: v.string() });

export const LinkFavouriteSchema = v.object({
  v: v.literal(3),
  kind: v.literal('link'),
  id: LinkId,
  source: v.picklist(['resource', 'official']),
  title: Text(500),
  url: WebUrl,
  savedAt: SavedAt,
  ...Annotations,
});

/**
 * A saved quote: one sentence, or a clip of `lines` consecutive sentences (possibly across turns),
 * from the sentence at `turn`/`sentence` on.
 */
export const QuoteFavouriteSchema = v.object({
  v: v.literal(3),
  kind: v.literal('quote'),
  /** Derived from `turnStart` and `text` (see `quoteId`); recomputed on read, never trusted. */
  id: v.string(),
  /** Position of the first sentence when saved: only a hint, the data may have been rebuilt. */
  turn: Index,
  sentence: Index,
  turnStart: Seconds,
  /**
   * Exactly as spoken/transcribed when saved, a clip's sentences joined by one space; shown as
   * stored if it can no longer be found.
   */
  text: Text(12000),
  /** The first sentence's speaker. */
  speakerId: v.string(),
  speakerName: v.string(),
  start: Seconds,
  savedAt: SavedAt,
  /** Clips only: how many sentences (2 or more), when the last one ends, who speaks in it. */
  lines: v.optional(v.pipe(Index, v.minValue(2), v.maxValue(CLIP_MAX_LINES))),
  end: v.optional(Seconds),
  speakers: v.optional(v.pipe(v.array(SpeakerRef), v.minLength(1))),
  ...Annotations,
});

export const FavouriteSchema = v.variant('kind', [LinkFavouriteSchema, QuoteFavouriteSchema]);

export type LinkFavourite = v.InferOutput<typeof LinkFavouriteSchema>;
export type QuoteFavourite = v.InferOutput<typeof QuoteFavouriteSchema>;
export type Favourite = v.InferOutput<typeof FavouriteSchema>;
export type FavouriteKind = Favourite['kind'];

/** Which of two copies of one favourite is newer: the later of saving and the last note edit. */
export function revisionOf(record: Favourite): number {
  return Math.max(record.savedAt, record.editedAt ?? 0);
}

/**
 * The version a record is stored as: 3 only when it holds what version 3 added (a note, a clip).
 * An older extension on another synced browser reads version 2 and would hide anything newer, so a
 * favourite without a note or clip stays version 2 in storage, and upgrading rewrites nothing.
 */
export function storedVersionOf(record: Favourite): 2 | 3 {
  const added = ['note', 'editedAt', 'lines', 'end', 'speakers'] as const;
  return added.some(
    (field) => field in record && (record as Record<string, unknown>)[field] !== undefined,
  )
    ? 3
    : 2;
}

/** The record as written to storage (see `storedVersionOf`). */
export function toStored(record: Favourite): Favourite | (Omit<Favourite, 'v'> & { v: 2 }) {
  return storedVersionOf(record) === 3 ? record : { ...record, v: 2 };
}

/** The listener's note as stored: ends trimmed, line ends as `\n`, empty means none. */
export function cleanNote(text: string): string | undefined {
  const note = text.replace(/\r\n?/g, '\n').trim();
  return note ? note : undefined;
}

/** Case, spacing and Unicode form changes in a rebuilt transcript must not change a quote's id. */
export function normaliseQuoteText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** FNV-1a, 32 bit: short, stable, dependency-free. Collisions only matter within one turn. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of normaliseQuoteText(text)) {
    const code = ch.codePointAt(0) ?? 0;
    hash ^= code;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A quote is "this sentence of the turn that starts at this second": it survives re-numbered
 * turns and sentences after a data rebuild, unlike `turn`/`sentence` indexes.
 */
export function quoteId(turnStart: number, text: string): string {
  return `${Math.round(turnStart)}-${textHash(text)}`;
}

/** The identity shared by a favourite's storage key, the toggles and import de-duplication. */
export function favouriteId(fav: Pick<Favourite, 'kind' | 'id'>): string {
  return `${fav.kind}:${fav.id}`;
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

export function officialLinkId(title: string): string {
  return `official-${slugify(title) || 'link'}`;
}

/** A stored value that could not be read, kept aside under its own key with why. */
export const SetAsideEntrySchema = v.object({
  area: v.picklist(['sync', 'local']),
  /** The key it was stored under before it was set aside. */
  storedKey: v.string(),
  raw: v.unknown(),
  reason: v.string(),
  setAsideAt: v.number(),
});
export type SetAsideEntry = v.InferOutput<typeof SetAsideEntrySchema>;
