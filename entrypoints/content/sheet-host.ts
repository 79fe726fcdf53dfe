/**
 * The contract between the content script and the in-page sheet script (`sheet.tsx`), which the
 * background injects on first open where the browser's own panel cannot be opened from the page
 * (Firefox's launcher, Firefox for Android). Both run in the extension's isolated world of the
 * same page, so they meet on `globalThis` under `SHEET_HOST_KEY`; the page's scripts cannot see it.
 */
import type { EpisodePageKind } from '@/lib/page/episode-pages';

export const SHEET_HOST_KEY = '__rustForLinuxCompanionSheet';

export interface CompanionSheet {
  /** Moves focus into the sheet (the search box), as it opens. */
  focus(): void;
  /** Searches the transcript for `query` ("Find in transcript" on selected page text). */
  search(query: string): void;
}

export interface SheetHost {
  pageKind: EpisodePageKind;
  /** Element inside the shadow root the sheet renders into. */
  container: HTMLElement;
  shadow: ShadowRoot;
  /** The shadow root's host element: never searched for a player or a passage. */
  shadowHost: HTMLElement;
  /** Aborted when the content script is invalidated (extension reloaded or removed). */
  signal: AbortSignal;
  width(): number;
  /** Applies a new width at once and remembers it for the site. */
  setWidth(width: number): void;
  close(): void;
  /** The sheet script calls this once it has rendered. */
  attach(sheet: CompanionSheet): void;
}
