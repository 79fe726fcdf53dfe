/**
 * What a saved favourite looks like in storage (schema version 2) and how it is identified.
 *
 * Every favourite is one self-contained record carrying its own schema version (`v`), so any
 * single stored value can be read, migrated or set aside on its own (see favourites-migrations.ts).
 */
import * as v from 'valibot';
import { WebUrl } from '../episode/schema';

export const FAVOURITES_VERSION = 2;

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

export const LinkFavouriteSchema = v.object({
  v: v.literal(2),
  kind: v.literal('link'),
  id: LinkId,
  source: v.picklist(['resource', 'official']),
  title: Text(500),
  url: WebUrl,
  savedAt: SavedAt,
});

export const QuoteFavouriteSchema = v.object({
  v: v.literal(2),
  kind: v.literal('quote'),
  /** Derived from `turnStart` and `text` (see `quoteId`); recomputed on read, never trusted. */
  id: v.string(),
  /** Positions when saved: only a hint, the data may have been rebuilt since. */
  turn: Index,
  sentence: Index,
  turnStart: Seconds,
  /** Exactly as spoken/transcribed when saved; shown as stored if it can no longer be found. */
  text: Text(4000),
  speakerId: v.string(),
  speakerName: v.string(),
  start: Seconds,
  savedAt: SavedAt,
});

export const FavouriteSchema = v.variant('kind', [LinkFavouriteSchema, QuoteFavouriteSchema]);

export type LinkFavourite = v.InferOutput<typeof LinkFavouriteSchema>;
export type QuoteFavourite = v.InferOutput<typeof QuoteFavouriteSchema>;
export type Favourite = v.InferOutput<typeof FavouriteSchema>;
export type FavouriteKind = Favourite['kind'];

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
