/**
 * The side panel's half of its link to the page: a `PageLink` whose player is the tab's player as
 * the content script reports it (`page-bridge.ts`). Time arrives as messages; between two of
 * them a playing player's time is extrapolated, so "back 10 s" starts from where playback is.
 */
import type { PageLink, PageMessage, PanelMessage } from './page-link';
import { createPlayerPortSlot, type PlayerPort, type PlayerPortSlot } from './player-port';

export interface RemotePage extends PageLink {
  /** Feeds a message from the page (wire it to the port's onMessage). */
  receive(message: PageMessage): void;
}

export function createRemotePage(
  hello: Extract<PageMessage, { type: 'hello' }>,
  post: (message: PanelMessage) => void,
  fallback: PlayerPort,
  now: () => number = () => performance.now(),
): RemotePage {
  let last: { seconds: number; playing: boolean; at: number } | undefined;
  const listeners = new Set<(seconds: number) => void>();
  const current = () =>
    last && (last.playing ? last.seconds + (now() - last.at) / 1000 : last.seconds);
  const remote: PlayerPort = {
    seek: (seconds) => post({ type: 'seek', seconds }),
    currentTime: current,
    onTime(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    playing: () => last?.playing ?? false,
    togglePlay: () => post({ type: 'toggle-play' }),
  };
  const player: PlayerPortSlot = createPlayerPortSlot(fallback);
  return {
    kind: hello.kind,
    url: hello.url,
    player,
    highlight: (passage) => post({ type: 'highlight', ...passage }),
    clearHighlight: () => post({ type: 'clear-highlight' }),
    receive(message) {
      if (message.type === 'player') {
        if (!message.found) last = undefined;
        player.set(message.found ? remote : undefined);
      } else if (message.type === 'time') {
        last = { seconds: message.seconds, playing: message.playing, at: now() };
        for (const listener of listeners) listener(message.seconds);
      }
    },
  };
}
