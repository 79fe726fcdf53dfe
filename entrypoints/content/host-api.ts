/**
 * The contract between the small content script (launcher, page space, open/closed state) and the
 * sidebar script the background injects on first open. Both run in the extension's isolated world
 * of the same page, so they meet on `globalThis` under `HOST_KEY`; the page's own scripts cannot
 * see it.
 */
import type { EpisodePageKind } from '@/lib/page/episode-pages';
import type { FindInTranscriptMessage } from '@/lib/page/find-in-transcript';

export const HOST_KEY = '__rustForLinuxCompanionHost';

export interface CompanionSidebar {
  /** Moves focus into the sidebar (the search box), as the sidebar opens. */
  focus(): void;
  focusSearch(): void;
  /** Searches the transcript for `query` ("Find in transcript" on selected page text). */
  search?(query: string): void;
}

export interface CompanionHost {
  pageKind: EpisodePageKind;
  /** Element inside the shadow root the sidebar renders into. */
  container: HTMLElement;
  shadow: ShadowRoot;
  /** Aborted when the content script is invalidated (extension reloaded or removed). */
  signal: AbortSignal;
  width(): number;
  /** Applies a new width at once (page space included) and remembers it for the site. */
  setWidth(width: number): void;
  close(): void;
  /** The sidebar script calls this once it has rendered. */
  attach(sidebar: CompanionSidebar): void;
}

export type CompanionMessage =
  | { type: 'companion:ready' }
  | { type: 'companion:load-sidebar' }
  | { type: 'companion:toggle' }
  | FindInTranscriptMessage;
