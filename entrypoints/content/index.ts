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
import { mountShadowUi } from './shadow-ui';
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

    const ui = mountShadowUi(ctx, launcherCss);
    const { group, launcher, move, hide } = createLauncher();
    const sheetMount = document.createElement('div');
    sheetMount.className = 'sheet-mount';
    sheetMount.hidden = true;
    ui.container.append(group, sheetMount);

    // Panels attached to this tab now: while one shows the companion, the launcher stands aside.
    let panels = 0;
    const place = () => {
      group.hidden = layout.launcher === 'hidden' || sheet$.isOpen() || panels > 0;
      if (!group.hidden) placeLauncher(ui.host, group, layout.launcher);
    };
    const sheet$ = createSheetController(ctx, {
      pageKind,
      container: sheetMount,
      shadow: ui.shadow,
      shadowHost: ui.host,
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
    // A theme switch (the site swaps its stylesheet) or a layout change by the page's scripts. A
    // stylesheet swapped in applies only once it has loaded, which may be after the look above:
    // look again then.
    const restyled = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of [record.target, ...record.addedNodes])
          if (node instanceof HTMLLinkElement)
            node.addEventListener('load', replace, { once: true, signal: ctx.signal });
      }
      replace();
    });
    restyled.observe(document.head, { childList: true, subtree: true, attributes: true });
    for (const el of [document.documentElement, document.body])
      restyled.observe(el, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
    ctx.onInvalidated(() => restyled.disconnect());
    // The first placement waits for the page's load (its images and player in place), then reads
    // the page in the task after its next frame, when the browser has laid it out on its own:
    // reading it earlier would force layouts in the middle of the load, and the page moves after.
    // Until then the launcher has no side and is not shown (launcher.css).
    const placeFirst = () => ctx.requestAnimationFrame(() => ctx.setTimeout(place, 0));
    if (document.readyState === 'complete') placeFirst();
    else ctx.addEventListener(window, 'load', placeFirst);

    // The side panel connects here to reach the page's player and its printed transcript.
    const onConnect = (port: Browser.runtime.Port) => {
      if (port.name !== PANEL_PORT_NAME || port.sender?.id !== browser.runtime.id) return;
      servePanel(document, port, {
        kind: pageKind,
        expectedDuration: EPISODE_DURATION_SECONDS,
        signal: ctx.signal,
        ownHost: ui.host,
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
