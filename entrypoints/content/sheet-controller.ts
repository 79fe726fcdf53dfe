/**
 * The in-page sheet's open and closed states, for the browsers whose own panel the launcher cannot
 * open. The sheet script (Preact, the episode, search) is injected by the background on first use,
 * asked for as soon as the pointer reaches the launcher, so it is usually ready by the click.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { EpisodePageKind } from '@/lib/page/episode-pages';
import type { CompanionMessage } from '@/lib/page/messages';
import { clampWidth } from '@/lib/page/sidebar-layout';
import { type CompanionSheet, SHEET_HOST_KEY, type SheetHost } from './sheet-host';

interface SheetOptions {
  pageKind: EpisodePageKind;
  container: HTMLElement;
  shadow: ShadowRoot;
  shadowHost: HTMLElement;
  width(): number;
  rememberWidth(width: number): void;
  onToggle(open: boolean): void;
}

export function createSheetController(ctx: ContentScriptContext, options: SheetOptions) {
  const { container, shadowHost } = options;
  let sheet: CompanionSheet | undefined;
  let requested = false;
  let open = false;
  let width = clampWidth(options.width(), window.innerWidth);
  let pendingQuery: string | undefined;

  const applyWidth = () => {
    width = clampWidth(width, window.innerWidth);
    shadowHost.style.setProperty('--companion-width', `${width}px`);
  };

  const load = () => {
    if (requested) return;
    requested = true;
    browser.runtime
      .sendMessage({ type: 'companion:load-sheet' } satisfies CompanionMessage)
      .catch((error: unknown) => {
        requested = false;
        console.error('Episode companion: the companion could not be loaded.', error);
      });
  };

  const setOpen = (next: boolean) => {
    if (next === open) return;
    open = next;
    container.hidden = !open;
    if (open) {
      applyWidth();
      if (sheet) sheet.focus();
      else load();
    }
    options.onToggle(open);
  };

  let saveTimer = 0;
  const host: SheetHost = {
    pageKind: options.pageKind,
    container,
    shadow: options.shadow,
    shadowHost,
    signal: ctx.signal,
    width: () => width,
    setWidth(next) {
      width = next;
      applyWidth();
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = ctx.setTimeout(() => options.rememberWidth(width), 300);
    },
    close: () => setOpen(false),
    attach(attached) {
      sheet = attached;
      if (open) attached.focus();
      if (pendingQuery !== undefined) attached.search(pendingQuery);
      pendingQuery = undefined;
    },
  };
  (globalThis as Record<string, unknown>)[SHEET_HOST_KEY] = host;
  ctx.onInvalidated(() => {
    delete (globalThis as Record<string, unknown>)[SHEET_HOST_KEY];
  });
  ctx.addEventListener(window, 'resize', () => open && applyWidth());

  return {
    load,
    isOpen: () => open,
    open: () => setOpen(true),
    /** "Find in transcript": opens the sheet on `query`. */
    find(query: string) {
      setOpen(true);
      if (sheet) sheet.search(query);
      else pendingQuery = query;
    },
  };
}
