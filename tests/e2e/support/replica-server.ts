import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeThrowawayCertificate } from './certificate';
import { createSilentWav } from './silent-wav';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PAGES = join(ROOT, 'tests/fixtures/pages');
const PAGE_TXT = join(ROOT, 'assets/episodes/rust-for-linux/page.txt');

export const SHOW_HOST = 'corrode.dev';
export const PLAYER_HOST = 'letscast.fm';
export const REPLICA_HOSTS = [SHOW_HOST, PLAYER_HOST] as const;

const SHOW_PATH = '/podcast/s06e04-rust4linux/';
const HOST_PAGE_PATH =
  '/sites/rust-in-production-82281512/episode/rust-for-linux-with-alice-ryhl-and-greg-kroah-hartman';
const PLAYER_PATH =
  '/podcasts/rust-in-production-82281512/episodes/rust-for-linux-with-alice-ryhl-and-greg-kroah-hartman/player.js';
/** Served on every replica host so the media element is same-origin for whichever page embeds it. */
export const AUDIO_PATH = '/media/rust-for-linux.wav';
/** "49 min" on the host page; long enough for every turn, the last of which starts at 48:07. */
export const EPISODE_SECONDS = 49 * 60;

/** The exact policy of the strict variant: anything inline the extension adds would be refused. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' https://letscast.fm; style-src 'self'";

export const urls = {
  showPage: `https://${SHOW_HOST}${SHOW_PATH}`,
  /** `?csp=strict`: the show page served with {@link STRICT_CSP}. */
  showPageStrictCsp: `https://${SHOW_HOST}${SHOW_PATH}?csp=strict`,
  /** `?style=hostile`: the show page with `* { color: red !important; font-size: 40px }`. */
  showPageHostileCss: `https://${SHOW_HOST}${SHOW_PATH}?style=hostile`,
  hostPage: `https://${PLAYER_HOST}${HOST_PAGE_PATH}`,
  /** Pages of the same sites on which the extension must do nothing at all. */
  unrelated: [
    `https://${SHOW_HOST}/podcast/s05e06-rust4linux/`,
    `https://${SHOW_HOST}/`,
    `https://${PLAYER_HOST}/sites/rust-in-production-82281512`,
  ],
  audio: `https://${SHOW_HOST}${AUDIO_PATH}`,
} as const;

export interface ReplicaServer {
  readonly port: number;
  /** `MAP host 127.0.0.1:port` for both hosts, for Chromium's --host-resolver-rules. */
  readonly hostResolverRules: string;
  /** Every request the server answered with 404 (`host path`), so a test can spot broken fixtures. */
  readonly notFound: string[];
  close(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The host page shows the transcript as text without speaker labels, as page.txt has it. */
function transcriptHtml(): string {
  const lines = readFileSync(PAGE_TXT, 'utf8').split('\n');
  const start = lines.indexOf('Transcript') + 1;
  // The transcript text ends where the list of speaker turns ("Alice" then "00:01:16") begins.
  let end = start;
  while (end < lines.length && !/^\d\d:\d\d:\d\d$/.test(lines[end + 1] ?? '')) end++;
  return lines
    .slice(start, end)
    .filter((l) => l.trim() !== '')
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('\n        ');
}

function page(name: string): string {
  return readFileSync(join(PAGES, name), 'utf8');
}

/**
 * Serves the replicas over HTTPS on 127.0.0.1. Chromium maps the real host names to any port;
 * Firefox resolves them to 127.0.0.1 on the URL's own port, so its tests ask for 443.
 */
export async function startReplicaServer(port = 0): Promise<ReplicaServer> {
  const { key, cert } = makeThrowawayCertificate(REPLICA_HOSTS);
  const wav = createSilentWav(EPISODE_SECONDS);
  const notFound: string[] = [];
  const transcript = transcriptHtml();

  const server: Server = createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    const path = url.pathname;
    const html = (body: string, headers: Record<string, string> = {}): void => {
      res
        .writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          ...headers,
        })
        .end(body);
    };
    const file = (name: string, type: string): void => {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(page(name));
    };

    if (path === AUDIO_PATH) return wav.serve(req, res);
    // The player frame has the embedding page's origin, so its stylesheet must be same-origin too
    // (the strict variant allows styles from 'self' only).
    if (path === '/player.css') return file('podlove-player.css', 'text/css');

    if (host === SHOW_HOST) {
      if (path === SHOW_PATH) {
        let body = page('corrode-show.html');
        if (url.searchParams.get('style') === 'hostile') {
          body = body.replace(
            '</head>',
            '  <link rel="stylesheet" href="/hostile.css">\n  </head>',
          );
        }
        const strict = url.searchParams.get('csp') === 'strict';
        return html(body, strict ? { 'Content-Security-Policy': STRICT_CSP } : {});
      }
      if (path === '/podcast/s05e06-rust4linux/') return html(page('corrode-other-episode.html'));
      if (path === '/') return html(page('corrode-home.html'));
      if (path === '/site.css') return file('corrode-site.css', 'text/css');
      // The dark stylesheet arrives late, as over a slow network: whatever follows the site's theme
      // must wait for it, not look once right after the switch.
      if (path === '/site-dark.css') {
        setTimeout(() => file('corrode-site-dark.css', 'text/css'), 600);
        return;
      }
      if (path === '/site.js') return file('corrode-site.js', 'text/javascript');
      if (path === '/hostile.css') return file('hostile.css', 'text/css');
    }
    if (host === PLAYER_HOST) {
      if (path === HOST_PAGE_PATH || path === `${HOST_PAGE_PATH}/`) {
        return html(page('letscast-episode.html').replace('{{TRANSCRIPT}}', transcript));
      }
      if (path === '/sites/rust-in-production-82281512') return html(page('letscast-show.html'));
      if (path === PLAYER_PATH) return file('podlove-player.js', 'text/javascript');
      if (path === '/letscast.css') return file('letscast.css', 'text/css');
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    notFound.push(`${host} ${path}`);
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    hostResolverRules: REPLICA_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${bound}`).join(', '),
    notFound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
