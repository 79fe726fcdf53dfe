/**
 * The two web pages the companion lives on, and the check that decides whether a page is one of
 * them. The content script's match patterns are built from the same addresses, so the manifest and
 * the runtime check cannot drift apart.
 */

export const SHOW_SITE_PAGE = 'https://corrode.dev/podcast/s06e04-rust4linux/';
export const HOST_PAGE =
  'https://letscast.fm/sites/rust-in-production-82281512/episode/rust-for-linux-with-alice-ryhl-and-greg-kroah-hartman';

export type EpisodePageKind = 'show-site' | 'host-page';

/**
 * The episode's length, by which the content script tells the episode's player from other media
 * on the page without loading the packaged episode (a test checks it against the package).
 */
export const EPISODE_DURATION_SECONDS = 2957;

export const EPISODE_PAGES: ReadonlyArray<{ kind: EpisodePageKind; url: string; label: string }> = [
  { kind: 'show-site', url: SHOW_SITE_PAGE, label: 'On the show’s site, corrode.dev' },
  { kind: 'host-page', url: HOST_PAGE, label: 'On the podcast host, LetsCast' },
];

/**
 * Match patterns for exactly these pages. Chrome and Firefox match a pattern's path against path
 * and query, so each page gets its bare address plus `?*` for `?t=12%3A34`; a `*` straight after
 * the path would also match sibling pages such as `…-hartman-part-2`.
 */
export const EPISODE_MATCHES: string[] = EPISODE_PAGES.flatMap(({ url }) => [url, `${url}?*`]);

/** What the check reads from a page address; `URL` and `Location` both fit. */
export interface PageLocation {
  protocol: string;
  hostname: string;
  pathname: string;
}

/**
 * Which episode page `location` is, or undefined. Query and hash are ignored (the pages take
 * `?t=MM:SS`); the port is too, as match patterns without a port match every port. Paths compare
 * exactly: servers treat them case-sensitively and `…/s06e04-rust4linux` without its slash is a
 * different address that redirects.
 */
export function episodePageKind(location: PageLocation | string): EpisodePageKind | undefined {
  let where: PageLocation;
  try {
    where = typeof location === 'string' ? new URL(location) : location;
  } catch {
    return undefined;
  }
  for (const page of EPISODE_PAGES) {
    const target = new URL(page.url);
    if (
      where.protocol === target.protocol &&
      where.hostname.toLowerCase() === target.hostname &&
      where.pathname === target.pathname
    ) {
      return page.kind;
    }
  }
  return undefined;
}

export function isEpisodePage(location: PageLocation | string): boolean {
  return episodePageKind(location) !== undefined;
}
