/**
 * How the sidebar talks to the page's player. The player bridge implements `PlayerPort` for the
 * real players; until one is found, `createLinkPlayerPort` opens the host page at the moment
 * instead (the host page reads `?t=MM:SS`), so a time is never a dead button.
 */
import { pageTimeUrl } from '../episode/quote';

export interface PlayerPort {
  /** Moves playback to `seconds` (and plays, where the player allows it). */
  seek(seconds: number): void;
  /** Where playback is, or undefined when the port has no player to ask. */
  currentTime(): number | undefined;
  /** Calls `listener` as playback moves; returns the function that stops listening. */
  onTime(listener: (seconds: number) => void): () => void;
  /** Whether the player is playing (absent: the port cannot tell, as the link fallback). */
  playing?(): boolean;
  /** Plays when paused, pauses when playing (absent: the port has no player to toggle). */
  togglePlay?(): void;
}

/** A port with no player: seeking opens the host page at that moment through `open`. */
export function createLinkPlayerPort(
  hostPage: string,
  open: (url: string) => void,
  timeParam = 't',
): PlayerPort {
  return {
    seek: (seconds) => open(pageTimeUrl(hostPage, seconds, timeParam)),
    currentTime: () => undefined,
    onTime: () => () => {},
  };
}

/**
 * Where the player bridge hands its port to the sidebar. The sidebar asks `current()` at every
 * seek, so a player found after the sidebar opened is used from then on.
 */
export interface PlayerPortSlot {
  current(): PlayerPort;
  /** True once the bridge has set a real player (the fallback only opens links). */
  hasPlayer(): boolean;
  set(port: PlayerPort | undefined): void;
  subscribe(listener: (port: PlayerPort) => void): () => void;
}

export function createPlayerPortSlot(fallback: PlayerPort): PlayerPortSlot {
  let port: PlayerPort | undefined;
  const listeners = new Set<(port: PlayerPort) => void>();
  return {
    current: () => port ?? fallback,
    hasPlayer: () => port !== undefined,
    set(next) {
      port = next;
      for (const listener of listeners) listener(next ?? fallback);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
