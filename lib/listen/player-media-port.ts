/**
 * The `PlayerPort` of a real `<audio>`/`<video>` on the page, and the bridge that keeps the
 * sidebar's port slot pointing at whichever element `watchMedia` currently picks.
 */
import { type DiscoveryOptions, watchMedia } from './player-discovery';
import type { PlayerPort, PlayerPortSlot } from './player-port';

/** Events after which `currentTime` has moved: `seeking` makes a jump show before data arrives. */
const TIME_EVENTS = ['timeupdate', 'seeking', 'seeked'] as const;

export function createMediaPlayerPort(media: HTMLMediaElement): PlayerPort {
  return {
    // Setting the time keeps the play state: playing goes on playing from there, paused stays put.
    seek(seconds) {
      const end = Number.isFinite(media.duration) ? media.duration : Number.POSITIVE_INFINITY;
      media.currentTime = Math.max(0, Math.min(seconds, end));
    },
    currentTime: () => media.currentTime,
    onTime(listener) {
      const handler = () => listener(media.currentTime);
      for (const type of TIME_EVENTS) media.addEventListener(type, handler);
      return () => {
        for (const type of TIME_EVENTS) media.removeEventListener(type, handler);
      };
    },
    playing: () => !media.paused && !media.ended,
    togglePlay() {
      if (media.paused || media.ended) {
        // Autoplay rules may refuse without a gesture on the page; the player's own button works.
        media.play().catch(() => {});
      } else {
        media.pause();
      }
    },
  };
}

export interface PlayerBridgeOptions extends DiscoveryOptions {
  signal: AbortSignal;
  /** The episode's length in seconds, to tell its player from other media on the page. */
  expectedDuration: number;
  defer?: (run: () => void) => void;
}

/**
 * Hands the slot a port for the page's player as soon as one appears, swaps it when a better one
 * does, and takes it back (links again) when it goes. Ends with `signal`.
 */
export function connectPagePlayer(
  doc: Document,
  slot: PlayerPortSlot,
  options: PlayerBridgeOptions,
): void {
  watchMedia(doc, {
    ...options,
    onChange: (media) => slot.set(media ? createMediaPlayerPort(media) : undefined),
  });
  options.signal.addEventListener('abort', () => slot.set(undefined));
}
