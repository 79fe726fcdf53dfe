/**
 * Runs on the episode's two pages at load: the launcher, and the page's end of the side panel's
 * link (player and page highlight, started only when a panel connects). It takes no room in the
 * page: the companion opens in the browser's own side panel, which narrows the real viewport. Where
 * a page's click cannot open that panel (Firefox) or there is none (Firefox for Android), the
 * launcher opens the in-page sheet, a separate script injected on first use.
 */

import { servePanel } from '@/lib/listen/page-bridge';
import { clearPageHighlight } from '@/lib/listen/page-highlight';
import { PANEL_PORT_NAME } from '@/lib/listen/page-link';
import {
  EPISODE_DURATION_SECONDS,
  EPISODE_MATCHES,
  episodePageKind,
} from '@/lib/page/episode-pages';
import type { CompanionMessage } from '@/lib/page/messages';
import { layoutFor, withLayout } from '@/lib/page/sidebar-layout';
import { sidebarLayoutItem } from '@/lib/page/storage-layout';
import { createLauncher } from './launcher';
import launcherCss from './launcher.css?inline';
import { placeLauncher } from './placement';
import { createSheetController } from './sheet-controller';

export default defineContentScript({
  matches: EPISODE_MATCHES,
  cssInjectionMode: 'manual',
  async main(ctx) {
    const pageKind = episodePageKind(window.location);
    if (!pageKind) return;
    const site = window.location.hostname;
    let layout = layoutFor(await sidebarLayoutItem.getValue(), site);
    const remember = (change: Partial<typeof layout>) => {
      layout = { ...layout, ...change };
      void sidebarLayoutItem
        .getValue()
        .then((stored) => sidebarLayoutItem.setValue(withLayout(stored, site, change)))
        .catch((error: unknown) =>
          console.error('Episode companion: the launcher’s place could not be saved.', error),
        );
    };

    const ui = await createShadowRootUi(ctx, {
      name: 'episode-companion',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      // Keys typed in the sheet stay there: the page's own shortcuts (space = play…) must not fire.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(container) {
        const launcher = createLauncher();
        const sheetMount = document.createElement('div');
        sheetMount.className = 'sheet-mount';
        sheetMount.hidden = true;
        container.append(launcher.group, sheetMount);
        return { ...launcher, sheetMount };
      },
    });
    // The launcher's rules go in as a constructable stylesheet: no CSS file is exposed to pages
    // (no web-accessible resource) and the page's CSP does not apply to it.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(launcherCss);
    ui.shadow.adoptedStyleSheets = [...ui.shadow.adoptedStyleSheets, sheet];
    ui.mount();
    // WXT wraps the UI in its own <html>; give it the language, as checkers and readers expect.
    ui.shadow.querySelector('html')?.setAttribute('lang', 'en');
    const { group, launcher, move, hide, sheetMount } = ui.mounted!;

    // Panels attached to this tab now: while one shows the companion, the launcher stands aside.
    let panels = 0;
    const place = () => {
      group.hidden = layout.launcher === 'hidden' || sheet$.isOpen() || panels > 0;
      if (!group.hidden) placeLauncher(ui.shadowHost, group, layout.launcher);
    };
    const sheet$ = createSheetController(ctx, {
      pageKind,
      container: sheetMount,
      shadow: ui.shadow,
      shadowHost: ui.shadowHost,
      width: () => layout.width,
      rememberWidth: (width) => remember({ width }),
      onToggle: (open) => {
        place();
        if (!open && !group.hidden) launcher.focus();
      },
    });

    // Only the listener's own clicks count: a page script's synthetic click opens nothing.
    launcher.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted) return;
        if (import.meta.env.FIREFOX) sheet$.open();
        // Chrome opens its side panel for this tab, at once, from the background's handler.
        else
          void browser.runtime
            .sendMessage({ type: 'companion:open-panel' } satisfies CompanionMessage)
            .catch((error: unknown) => {
              console.error('Episode companion: the side panel could not be opened.', error);
            });
      },
      { signal: ctx.signal },
    );
    if (import.meta.env.FIREFOX) {
      launcher.addEventListener('pointerenter', sheet$.load, { signal: ctx.signal });
      launcher.addEventListener('focus', sheet$.load, { signal: ctx.signal });
    }
    move.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted) return;
        remember({ launcher: layout.launcher === 'left' ? 'right' : 'left' });
        place();
        move.focus();
      },
      { signal: ctx.signal },
    );
    hide.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted) return;
        remember({ launcher: 'hidden' });
        place();
      },
      { signal: ctx.signal },
    );
    // The stored choice changed elsewhere (another tab, or "Show the launcher" in the companion).
    const unwatch = sidebarLayoutItem.watch((stored) => {
      layout = layoutFor(stored, site);
      place();
    });
    ctx.onInvalidated(unwatch);

    // The page's own layout moves under the launcher: look again when it settles.
    let pending = 0;
    const replace = () => {
      if (pending) clearTimeout(pending);
      pending = ctx.setTimeout(() => {
        pending = 0;
        place();
      }, 150);
    };
    ctx.addEventListener(window, 'resize', replace);
    ctx.addEventListener(window, 'scroll', replace, { passive: true });
    ctx.addEventListener(window, 'load', replace);
    // A theme switch (the site swaps its stylesheet) or a layout change by the page's scripts.
    const restyled = new MutationObserver(replace);
    restyled.observe(document.head, { childList: true, subtree: true, attributes: true });
    for (const el of [document.documentElement, document.body])
      restyled.observe(el, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
    ctx.onInvalidated(() => restyled.disconnect());
    place();

    // The side panel connects here to reach the page's player and its printed transcript.
    const onConnect = (port: Browser.runtime.Port) => {
      if (port.name !== PANEL_PORT_NAME || port.sender?.id !== browser.runtime.id) return;
      servePanel(document, port, {
        kind: pageKind,
        expectedDuration: EPISODE_DURATION_SECONDS,
        signal: ctx.signal,
        ownHost: ui.shadowHost,
      });
      panels++;
      place();
      port.onDisconnect.addListener(() => {
        panels--;
        // The passage marked in the host page's own transcript goes with the last panel.
        if (panels === 0 && !sheet$.isOpen()) clearPageHighlight(document);
        place();
      });
    };
    browser.runtime.onConnect.addListener(onConnect);
    ctx.onInvalidated(() => browser.runtime.onConnect.removeListener(onConnect));

    const onMessage = (message: unknown) => {
      const received = message as CompanionMessage | undefined;
      if (received?.type === 'companion:open-sheet') sheet$.open();
      if (received?.type === 'companion:find') sheet$.find(received.query);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // This tab is an episode page: the background enables the panel and the toolbar button here.
    // Sent again when the page comes back from the back/forward cache (per-tab state is reset).
    const announce = () =>
      browser.runtime
        .sendMessage({ type: 'companion:ready' } satisfies CompanionMessage)
        .catch(() => {});
    announce();
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (event.persisted) announce();
    });
  },
});
