/**
 * The in-page sheet: the companion drawn into the page's shadow root, for the browsers whose own
 * panel the page's launcher cannot open (Firefox: an overlay docked right; Firefox for Android,
 * which has no sidebar: a full-width sheet). The background injects it on first open; it talks to
 * the content script through the host object both share in the extension's isolated world.
 */
import { render } from 'preact';
import baseCss from '@/components/base.css?inline';
import { Companion } from '@/components/Companion';
import chaptersCss from '@/components/chapters.css?inline';
import favouritesCss from '@/components/favourites.css?inline';
import listenAlongCss from '@/components/listen-along.css?inline';
import type { SidebarHandle } from '@/components/Sidebar';
import sheetCss from '@/components/sheet.css?inline';
import sidebarCss from '@/components/sidebar.css?inline';
import themeCss from '@/components/theme.css?inline';
import { loadEpisode } from '@/lib/episode/packaged';
import { createLocalPage } from '@/lib/listen/local-page';
import { createLinkPlayerPort, createPlayerPortSlot } from '@/lib/listen/player-port';
import { SHEET_HOST_KEY, type SheetHost } from './content/sheet-host';

export default defineUnlistedScript({
  // Chrome opens its own side panel from the launcher: the sheet is not in its build.
  include: ['firefox'],
  main() {
    const host = (globalThis as Record<string, unknown>)[SHEET_HOST_KEY] as SheetHost | undefined;
    // Injected twice (two quick opens) or after the content script went away: nothing to do.
    if (!host || host.signal.aborted || host.container.hasChildNodes()) return;

    performance.mark('episode-companion:sidebar-start');
    const episode = loadEpisode();
    const { hostPage } = episode.episode.pages;
    const player = createPlayerPortSlot(
      createLinkPlayerPort(
        hostPage,
        (url) => window.open(url, '_blank', 'noopener,noreferrer'),
        episode.episode.timeParam,
      ),
    );
    const page = createLocalPage(document, {
      kind: host.pageKind,
      player,
      signal: host.signal,
      expectedDuration: episode.episode.durationSeconds,
      ownHost: host.shadowHost,
    });

    const sheets = [
      themeCss,
      baseCss,
      sidebarCss,
      favouritesCss,
      listenAlongCss,
      chaptersCss,
      sheetCss,
    ].map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
    host.shadow.adoptedStyleSheets = [...host.shadow.adoptedStyleSheets, ...sheets];

    const onReady = (handle: SidebarHandle) => host.attach(handle);
    requestAnimationFrame(() =>
      setTimeout(() => performance.mark('episode-companion:transcript-painted'), 0),
    );
    const surface = { width: host.width, setWidth: host.setWidth, close: host.close };
    render(
      <Companion episode={episode} page={page} surface={surface} onReady={onReady} />,
      host.container,
    );
    performance.mark('episode-companion:sidebar-rendered');
    host.signal.addEventListener('abort', () => render(null, host.container));
  },
});
