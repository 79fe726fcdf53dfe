/**
 * The content script's half of the side panel's link to the page: for each panel that connects,
 * it finds the page's player, sends its time as it moves, and carries out the panel's seeks,
 * play/pause and highlights. Player discovery starts only when a panel connects, so a page with
 * the companion closed pays nothing for it; the highlight goes when the last panel goes.
 */
import type { EpisodePageKind } from '../page/episode-pages';
import { createLocalPage } from './local-page';
import type { PageMessage, PanelMessage } from './page-link';
import { createPlayerPortSlot, type PlayerPort } from './player-port';

/** The parts of a `runtime.Port` the bridge uses (tests pass a pair of plain objects). */
export interface BridgePort {
  postMessage(message: PageMessage): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface BridgeOptions {
  kind: EpisodePageKind;
  expectedDuration: number;
  /** Ends every connection (the content script was invalidated). */
  signal: AbortSignal;
  ownHost?: Element;
}

const NO_PLAYER: PlayerPort = { seek() {}, currentTime: () => undefined, onTime: () => () => {} };

export function servePanel(doc: Document, port: BridgePort, options: BridgeOptions): () => void {
  const connection = new AbortController();
  const end = () => connection.abort();
  options.signal.addEventListener('abort', end, { once: true });
  const slot = createPlayerPortSlot(NO_PLAYER);
  const page = createLocalPage(doc, {
    kind: options.kind,
    player: slot,
    signal: connection.signal,
    expectedDuration: options.expectedDuration,
    ownHost: options.ownHost,
    clearOnEnd: false,
  });
  const send = (message: PageMessage) => {
    if (connection.signal.aborted) return;
    try {
      port.postMessage(message);
    } catch {
      // The panel went away between two events: its disconnect ends this connection.
      end();
    }
  };
  send({ type: 'hello', kind: page.kind, url: page.url });

  let stopTime = () => {};
  const follow = (player: PlayerPort) => {
    stopTime();
    const found = slot.hasPlayer();
    send({ type: 'player', found });
    if (!found) return;
    const report = (seconds: number) =>
      send({ type: 'time', seconds, playing: player.playing?.() ?? false });
    stopTime = player.onTime(report);
    const now = player.currentTime();
    if (now !== undefined) report(now);
  };
  const unsubscribe = slot.subscribe(follow);
  if (slot.hasPlayer()) follow(slot.current());

  port.onMessage.addListener((raw) => {
    const message = raw as PanelMessage | undefined;
    const player = slot.current();
    switch (message?.type) {
      case 'seek':
        if (Number.isFinite(message.seconds)) player.seek(message.seconds);
        break;
      case 'toggle-play':
        player.togglePlay?.();
        break;
      case 'highlight':
        if (typeof message.passage === 'string') page.highlight(message);
        break;
      case 'clear-highlight':
        page.clearHighlight();
        break;
    }
  });
  port.onDisconnect.addListener(end);
  connection.signal.addEventListener('abort', () => {
    unsubscribe();
    stopTime();
    options.signal.removeEventListener('abort', end);
  });
  return end;
}
