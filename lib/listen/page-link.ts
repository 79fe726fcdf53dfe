/**
 * How a companion surface (the browser's side panel, or the in-page sheet) reaches the episode
 * page it accompanies: its player, its own printed transcript, its address. The in-page sheet
 * calls the page directly; the side panel is another document and goes through the tab's
 * content script (see `page-bridge.ts` and `remote-page.ts`), with the messages below.
 */
import type { EpisodePageKind } from '../page/episode-pages';
import type { PlayerPortSlot } from './player-port';

/** A passage of the transcript to show in the page's own printed transcript. */
export interface PagePassage {
  passage: string;
  before?: string;
  after?: string;
  /** Where the passage sits in the episode, 0..1: breaks ties between repeats. */
  expectedAt: number;
  behavior: ScrollBehavior;
}

export interface PageLink {
  kind: EpisodePageKind;
  /** The page's address, for the links that quotes carry. */
  url: string;
  player: PlayerPortSlot;
  /** Marks the passage in the page's own transcript (the host page prints one); else nothing. */
  highlight(passage: PagePassage): void;
  clearHighlight(): void;
}

/** The name of the port a side panel opens to the tab's content script. */
export const PANEL_PORT_NAME = 'episode-companion-panel';

/** From the page (content script) to the panel. */
export type PageMessage =
  | { type: 'hello'; kind: EpisodePageKind; url: string }
  /** A player was found (or lost): the panel's port slot follows. */
  | { type: 'player'; found: boolean }
  | { type: 'time'; seconds: number; playing: boolean };

/** From the panel to the page. */
export type PanelMessage =
  | { type: 'seek'; seconds: number }
  | { type: 'toggle-play' }
  | ({ type: 'highlight' } & PagePassage)
  | { type: 'clear-highlight' };
