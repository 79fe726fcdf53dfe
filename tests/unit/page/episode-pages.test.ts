import { describe, expect, it } from 'vitest';
import facts from '@/assets/episodes/rust-for-linux/facts.json';
import {
  EPISODE_MATCHES,
  EPISODE_PAGES,
  episodePageKind,
  HOST_PAGE,
  isEpisodePage,
  SHOW_SITE_PAGE,
} from '@/lib/page/episode-pages';

describe('episode pages', () => {
  it('are the addresses recorded in facts.json', () => {
    expect(SHOW_SITE_PAGE).toBe(facts.episode.pages.showSite);
    expect(HOST_PAGE).toBe(facts.episode.pages.hostPage);
    expect(EPISODE_PAGES.map((p) => p.url)).toEqual([SHOW_SITE_PAGE, HOST_PAGE]);
  });

  it.each([
    [SHOW_SITE_PAGE, 'show-site'],
    [`${SHOW_SITE_PAGE}?t=12%3A34`, 'show-site'],
    [`${SHOW_SITE_PAGE}#transcript`, 'show-site'],
    [`${SHOW_SITE_PAGE}?t=1%3A02%3A03#x`, 'show-site'],
    ['https://CORRODE.dev/podcast/s06e04-rust4linux/', 'show-site'],
    [HOST_PAGE, 'host-page'],
    [`${HOST_PAGE}?t=24%3A26`, 'host-page'],
    [`${HOST_PAGE}#player`, 'host-page'],
  ] as const)('%s is the %s', (url, kind) => {
    expect(episodePageKind(url)).toBe(kind);
    expect(isEpisodePage(new URL(url))).toBe(true);
  });

  it.each([
    'http://corrode.dev/podcast/s06e04-rust4linux/',
    'https://corrode.dev/podcast/s06e04-rust4linux',
    'https://corrode.dev/podcast/s06e04-rust4linux//',
    'https://corrode.dev/podcast/s06e04-rust4linux/index.html',
    'https://corrode.dev/podcast/S06E04-RUST4LINUX/',
    'https://corrode.dev/podcast/s05e06-rust4linux/',
    'https://corrode.dev/podcast/',
    'https://corrode.dev/',
    'https://corrode.dev.evil.com/podcast/s06e04-rust4linux/',
    'https://evil.com/podcast/s06e04-rust4linux/',
    'https://www.corrode.dev/podcast/s06e04-rust4linux/',
    'https://evil.com/?next=https://corrode.dev/podcast/s06e04-rust4linux/',
    `${HOST_PAGE}/`,
    `${HOST_PAGE}-part-2`,
    HOST_PAGE.replace('https:', 'http:'),
    HOST_PAGE.replace('letscast.fm', 'letscast.fm.evil.com'),
    HOST_PAGE.toUpperCase(),
    'https://letscast.fm/sites/rust-in-production-82281512/episode/',
    'not a url',
    '',
  ])('%s is not an episode page', (url) => {
    expect(episodePageKind(url)).toBeUndefined();
  });

  it('takes a Location-like object, as the content script passes window.location', () => {
    const where = {
      protocol: 'https:',
      hostname: 'corrode.dev',
      pathname: '/podcast/s06e04-rust4linux/',
    };
    expect(episodePageKind(where)).toBe('show-site');
    expect(episodePageKind({ ...where, hostname: 'corrode.dev.evil.com' })).toBeUndefined();
  });

  it('builds match patterns for exactly these pages, with and without a query string', () => {
    expect(EPISODE_MATCHES).toEqual([
      SHOW_SITE_PAGE,
      `${SHOW_SITE_PAGE}?*`,
      HOST_PAGE,
      `${HOST_PAGE}?*`,
    ]);
    for (const pattern of EPISODE_MATCHES) {
      // No wildcard host, no wildcard scheme, only the query may vary.
      expect(pattern).toMatch(/^https:\/\/(corrode\.dev|letscast\.fm)\/[^*]*(\?\*)?$/);
    }
  });
});
