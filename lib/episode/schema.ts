/**
 * The packaged episode: everything the extension shows, built by `npm run ingest` from the
 * episode's sources and validated against this schema both at build time and in tests.
 *
 * Times are seconds from the start of the episode. People are referred to by `id`
 * (a slug of their name); links by `id` (a slug of their title).
 */
import * as v from 'valibot';

/** Only web addresses the browser can open as a page: `https:` or `http:`. */
export const WebUrl = v.pipe(
  v.string(),
  v.url(),
  v.check((value) => /^https?:\/\//i.test(value), 'only https: and http: URLs are accepted'),
);

const Seconds = v.pipe(v.number(), v.finite(), v.minValue(0));
const Slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug'));
const NonEmpty = v.pipe(v.string(), v.trim(), v.nonEmpty());

export const NamedLinkSchema = v.object({ label: NonEmpty, url: WebUrl });

export const PersonSchema = v.object({
  id: Slug,
  name: NonEmpty,
  /** First name as heard in the conversation, used in the turn list ("Matthias"). */
  shortName: NonEmpty,
  role: v.picklist(['host', 'guest']),
  /** What they do, one line ("Linux Foundation Fellow, stable kernel maintainer"). */
  title: v.string(),
  bio: v.array(NonEmpty),
  links: v.array(NamedLinkSchema),
});

export const LinkGroupSchema = v.picklist([
  'kernel-docs',
  'kernel-source',
  'rust-docs',
  'talks',
  'articles',
  'projects',
  'tools',
  'community',
]);

export const ResourceLinkSchema = v.object({
  id: Slug,
  title: NonEmpty,
  note: v.string(),
  url: WebUrl,
  group: LinkGroupSchema,
  /** Indexes of the transcript turns in which the link's subject comes up, in order. */
  mentions: v.array(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

export const SentenceSchema = v.object({
  /** Estimated start, interpolated inside the turn by word position. */
  start: Seconds,
  /** Exactly as transcribed (never corrected). */
  text: NonEmpty,
});

export const TurnSchema = v.object({
  /** Person id of the speaker. */
  speaker: Slug,
  start: Seconds,
  end: Seconds,
  sentences: v.pipe(v.array(SentenceSchema), v.minLength(1)),
});

export const ChapterSchema = v.object({
  title: NonEmpty,
  /** Index of the turn the chapter starts with. */
  turn: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The turn's start, copied for the exports and the player. */
  start: Seconds,
});

export const EpisodeSchema = v.pipe(
  v.object({
    schemaVersion: v.literal(1),
    id: Slug,
    show: v.object({
      title: NonEmpty,
      publisher: NonEmpty,
      site: WebUrl,
      feed: WebUrl,
      listenOn: v.array(NamedLinkSchema),
    }),
    episode: v.object({
      title: NonEmpty,
      subtitle: v.string(),
      published: v.pipe(v.string(), v.isoDate()),
      durationSeconds: Seconds,
      season: v.pipe(v.number(), v.integer(), v.minValue(1)),
      number: v.pipe(v.number(), v.integer(), v.minValue(1)),
      pages: v.object({
        showSite: WebUrl,
        showSiteShortLink: v.optional(WebUrl),
        hostPage: WebUrl,
      }),
      /** Query parameter the host page reads a start time from (`?t=MM:SS`). */
      timeParam: NonEmpty,
      description: v.array(NonEmpty),
      pullQuote: v.object({ text: NonEmpty, attribution: NonEmpty }),
      /** Further "About …" sections of the show notes. */
      sections: v.array(v.object({ heading: NonEmpty, paragraphs: v.array(NonEmpty) })),
    }),
    people: v.pipe(v.array(PersonSchema), v.minLength(1)),
    links: v.array(ResourceLinkSchema),
    officialLinks: v.array(NamedLinkSchema),
    transcript: v.object({ turns: v.pipe(v.array(TurnSchema), v.minLength(1)) }),
    /** Topics of the conversation, in order; optional (episodes without chapters still load). */
    chapters: v.optional(v.array(ChapterSchema)),
  }),
  v.check(
    (ep) => ep.transcript.turns.every((t) => ep.people.some((p) => p.id === t.speaker)),
    'every turn is spoken by a person of the episode',
  ),
  v.check(
    (ep) =>
      ep.transcript.turns.every(
        (t, i, all) => t.end >= t.start && (i === 0 || t.start >= (all[i - 1]?.start ?? 0)),
      ),
    'turns are in time order and end after they start',
  ),
  v.check(
    (ep) => ep.links.every((l) => l.mentions.every((m) => m < ep.transcript.turns.length)),
    'link mentions refer to existing turns',
  ),
  v.check(
    (ep) =>
      (ep.chapters ?? []).every(
        (c, i, all) =>
          ep.transcript.turns[c.turn]?.start === c.start &&
          (i === 0 || c.turn > (all[i - 1]?.turn ?? Infinity)),
      ),
    'chapters start at a turn, with its time, in order',
  ),
);

export type Episode = v.InferOutput<typeof EpisodeSchema>;
export type Person = v.InferOutput<typeof PersonSchema>;
export type ResourceLink = v.InferOutput<typeof ResourceLinkSchema>;
export type LinkGroup = v.InferOutput<typeof LinkGroupSchema>;
export type Turn = v.InferOutput<typeof TurnSchema>;
export type Sentence = v.InferOutput<typeof SentenceSchema>;
export type Chapter = v.InferOutput<typeof ChapterSchema>;
export type NamedLink = v.InferOutput<typeof NamedLinkSchema>;

export const LINK_GROUP_LABELS: Record<LinkGroup, string> = {
  'kernel-docs': 'Kernel docs',
  'kernel-source': 'Kernel source',
  'rust-docs': 'Rust docs',
  talks: 'Talks',
  articles: 'Articles',
  projects: 'Projects',
  tools: 'Tools',
  community: 'Community',
};

/** Throws a readable error listing every issue when `data` is not a valid episode. */
export function parseEpisode(data: unknown): Episode {
  const result = v.safeParse(EpisodeSchema, data);
  if (result.success) return result.output;
  const lines = result.issues.map((issue) => {
    const path = v.getDotPath(issue);
    return `- ${path ? `${path}: ` : ''}${issue.message}`;
  });
  throw new Error(`Episode data does not match the schema:\n${lines.join('\n')}`);
}
