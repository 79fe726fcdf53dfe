/**
 * Runs on the episode's two pages at load: a launcher button and the open/closed state, nothing
 * more. The sidebar itself (Preact, episode data, search) is a separate script the background
 * injects on first open, so a closed companion costs the page next to nothing.
 */
import './style.css';
import { EPISODE_MATCHES, episodePageKind } from '@/lib/page/episode-pages';
import { clampWidth, layoutFor, withLayout } from '@/lib/page/sidebar-layout';
import { sidebarLayoutItem } from '@/lib/page/storage-layout';
import {
  type CompanionHost,
  type CompanionMessage,
  type CompanionSidebar,
  HOST_KEY,
} from './host-api';
import { createPageSpace } from './page-space';

export default defineContentScript({
  matches: EPISODE_MATCHES,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const pageKind = episodePageKind(window.location);
    if (!pageKind) return;
    const site = window.location.hostname;
    let layout = layoutFor(await sidebarLayoutItem.getValue(), site);
    const pageSpace = createPageSpace(document.documentElement);
    let sidebar: CompanionSidebar | undefined;
    let requested = false;
    let open = false;

    const remember = (change: Partial<typeof layout>) => {
      layout = { ...layout, ...change };
      void sidebarLayoutItem
        .getValue()
        .then((stored) => sidebarLayoutItem.setValue(withLayout(stored, site, change)));
    };

    const ui = await createShadowRootUi(ctx, {
      name: 'episode-companion',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      // Keys typed in the sidebar stay there: the page's own shortcuts (space = play…) must not fire.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(container) {
        const launcher = document.createElement('button');
        launcher.type = 'button';
        launcher.className = 'launcher';
        launcher.setAttribute('aria-label', 'Open episode companion');
        const icon = document.createElement('span');
        icon.className = 'launcher-icon';
        icon.setAttribute('aria-hidden', 'true');
        const label = document.createElement('span');
        label.textContent = 'Episode companion';
        launcher.append(icon, label);
        const mountPoint = document.createElement('div');
        mountPoint.className = 'sidebar-mount';
        mountPoint.hidden = true;
        container.append(launcher, mountPoint);
        return { launcher, mountPoint };
      },
    });
    ui.mount();
    adoptStylesIfBlocked(ui.shadow);
    // WXT wraps the UI in its own <html>; give it the language, as checkers and readers expect.
    ui.shadow.querySelector('html')?.setAttribute('lang', 'en');
    const { launcher, mountPoint } = ui.mounted!;

    const applyWidth = () => {
      const width = clampWidth(layout.width, window.innerWidth);
      ui.shadowHost.style.setProperty('--companion-width', `${width}px`);
      if (open) pageSpace.reserve(width);
      return width;
    };

    // Asked for at the first sign of intent (pointer over or focus on the launcher) as well as on
    // open, so the sidebar is usually parsed and rendered, hidden, by the time the click lands.
    const loadSidebar = () => {
      if (requested) return;
      requested = true;
      performance.mark('episode-companion:load-requested');
      browser.runtime
        .sendMessage({ type: 'companion:load-sidebar' } satisfies CompanionMessage)
        .catch((error: unknown) => {
          requested = false;
          console.error('Episode companion: the sidebar could not be loaded.', error);
        });
    };

    const setOpen = (next: boolean, { focus = true, persist = true } = {}) => {
      if (next === open) return;
      open = next;
      mountPoint.hidden = !open;
      launcher.hidden = open;
      if (open) {
        performance.mark('episode-companion:open');
        applyWidth();
        if (sidebar) {
          if (focus) sidebar.focus();
        } else {
          wantFocus = focus;
          loadSidebar();
        }
      } else {
        pageSpace.release();
        if (focus) launcher.focus();
      }
      if (persist) remember({ open });
    };
    let wantFocus = false;
    // "Find in transcript" chosen before the sidebar script has loaded: searched once it attaches.
    let pendingQuery: string | undefined;

    const host: CompanionHost = {
      pageKind,
      container: mountPoint,
      shadow: ui.shadow,
      signal: ctx.signal,
      width: () => clampWidth(layout.width, window.innerWidth),
      setWidth(width) {
        layout = { ...layout, width: clampWidth(width, window.innerWidth) };
        applyWidth();
        scheduleWidthSave();
      },
      close: () => setOpen(false),
      attach(attached) {
        sidebar = attached;
        if (open && wantFocus) attached.focus();
        if (pendingQuery !== undefined) attached.search?.(pendingQuery);
        pendingQuery = undefined;
      },
    };
    (globalThis as Record<string, unknown>)[HOST_KEY] = host;
    ctx.onInvalidated(() => {
      pageSpace.release();
      delete (globalThis as Record<string, unknown>)[HOST_KEY];
    });

    let saveTimer: number | undefined;
    const scheduleWidthSave = () => {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = ctx.setTimeout(() => remember({ width: layout.width }), 300);
    };

    launcher.addEventListener('click', () => setOpen(true), { signal: ctx.signal });
    launcher.addEventListener('pointerenter', loadSidebar, { signal: ctx.signal });
    launcher.addEventListener('focus', loadSidebar, { signal: ctx.signal });
    ctx.addEventListener(window, 'resize', () => applyWidth());
    // `/` on the page (outside a field) jumps to the search while the sidebar is open.
    ctx.addEventListener(window, 'keydown', (event) => {
      if (!open || event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.composedPath()[0];
      if (
        target instanceof HTMLElement &&
        (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
      )
        return;
      event.preventDefault();
      sidebar?.focusSearch();
    });
    const onMessage = (message: unknown) => {
      const received = message as CompanionMessage | undefined;
      if (received?.type === 'companion:toggle') setOpen(!open);
      if (received?.type === 'companion:find') {
        setOpen(true, { focus: false });
        if (sidebar?.search) sidebar.search(received.query);
        else pendingQuery = received.query;
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // The toolbar button toggles the sidebar on this tab instead of showing the popup. Sent again
    // when the page comes back from the back/forward cache, as the browser resets per-tab state.
    const announce = () =>
      browser.runtime
        .sendMessage({ type: 'companion:ready' } satisfies CompanionMessage)
        .catch(() => {});
    announce();
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (event.persisted) announce();
    });

    applyWidth();
    if (layout.open) setOpen(true, { focus: false, persist: false });
  },
});

/**
 * WXT puts the UI's CSS in a <style> inside the shadow root. Chromium lets an extension's styles
 * through a page's `style-src` CSP; should a browser block it, the same rules go in as a
 * constructable stylesheet, which CSP does not govern.
 */
function adoptStylesIfBlocked(shadow: ShadowRoot) {
  const style = shadow.querySelector('style');
  if (!style?.textContent || (style.sheet && style.sheet.cssRules.length > 0)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(style.textContent);
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
}
