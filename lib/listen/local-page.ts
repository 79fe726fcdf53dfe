/**
 * The page link of a surface that lives in the page itself (the in-page sheet): the player is
 * found in this document and the highlight drawn here directly.
 */
import type { EpisodePageKind } from '../page/episode-pages';
import { clearPageHighlight, highlightInPage } from './page-highlight';
import type { PageLink } from './page-link';
import { connectPagePlayer } from './player-media-port';
import type { PlayerPortSlot } from './player-port';

export interface LocalPageOptions {
  kind: EpisodePageKind;
  player: PlayerPortSlot;
  signal: AbortSignal;
  expectedDuration: number;
  /** The companion's own shadow host: never searched for a player or a passage. */
  ownHost?: Element;
  /** Clear the page's highlight when `signal` ends (default true). */
  clearOnEnd?: boolean;
}

export function createLocalPage(doc: Document, options: LocalPageOptions): PageLink {
  const { kind, player, ownHost } = options;
  connectPagePlayer(doc, player, {
    signal: options.signal,
    expectedDuration: options.expectedDuration,
    exclude: (root) => root.host === ownHost,
  });
  // The passage marked in the page goes with its surface, unless others may share the page
  // (the side panel's connections: the content script clears it when the last one goes).
  if (options.clearOnEnd !== false)
    options.signal.addEventListener('abort', () => clearPageHighlight(doc));
  return {
    kind,
    get url() {
      return doc.location?.href ?? '';
    },
    player,
    highlight({ passage, ...rest }) {
      // Only the host page prints the transcript.
      if (kind !== 'host-page') return;
      highlightInPage(doc, passage, { ...rest, skip: (el) => el === ownHost });
    },
    clearHighlight: () => clearPageHighlight(doc),
  };
}
