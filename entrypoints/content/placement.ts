/**
 * Puts the launcher where it covers nothing of the page (lib/page/launcher-placement.ts) and gives
 * it the page's own light or dark look: the site's theme may differ from the browser's.
 */
import { chooseSpot } from '@/lib/page/launcher-placement';
import type { LauncherSpot } from '@/lib/page/sidebar-layout';

export function placeLauncher(host: HTMLElement, group: HTMLElement, side: LauncherSpot): void {
  if (side === 'hidden') return;
  // Everything is read before anything is written, so the page is laid out once, not again
  // between the reads.
  const scheme = pageIsDark(document) ? 'dark' : 'light';
  const size = group.getBoundingClientRect();
  const viewport = { width: document.documentElement.clientWidth, height: window.innerHeight };
  // Out of hit testing while the page is asked what lies under each spot.
  host.style.setProperty('pointer-events', 'none', 'important');
  const spot = chooseSpot(document, side, { width: size.width, height: size.height }, viewport);
  host.style.removeProperty('pointer-events');
  group.dataset.scheme = scheme;
  group.dataset.side = spot.side;
  group.style.setProperty('--launcher-bottom', `${spot.bottom}px`);
}

/** Whether the page paints a dark background (its body's, else its root's). */
function pageIsDark(doc: Document): boolean {
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const [r = 255, g = 255, b = 255, a = 1] = (
      getComputedStyle(el).backgroundColor.match(/[\d.]+/g) ?? []
    ).map(Number);
    if (a === 0) continue;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  }
  return false;
}
