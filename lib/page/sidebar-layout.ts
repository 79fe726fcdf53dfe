/**
 * How the companion sits on a site: where the page's launcher is (either bottom corner, or hidden)
 * and how wide the in-page sheet is. Stored per site (host name) so the show site and the host page
 * each keep their own; anything odd read back from storage is repaired here rather than trusted.
 */

export const LAUNCHER_SPOTS = ['right', 'left', 'hidden'] as const;
export type LauncherSpot = (typeof LAUNCHER_SPOTS)[number];

export interface SidebarLayout {
  launcher: LauncherSpot;
  width: number;
}

export type SidebarLayoutBySite = Record<string, SidebarLayout>;

export const MIN_WIDTH = 320;
export const MAX_WIDTH = 720;
export const DEFAULT_WIDTH = 400;
/** Keyboard step on the resize separator (←/→); Shift multiplies it. */
export const WIDTH_STEP = 16;

export const DEFAULT_LAYOUT: SidebarLayout = { launcher: 'right', width: DEFAULT_WIDTH };

/**
 * Keeps the width inside the limits and, on a narrow window, leaves at least a third of it to the
 * page so its player stays usable.
 */
export function clampWidth(width: number, viewportWidth?: number): number {
  const wanted = Number.isFinite(width) ? Math.round(width) : DEFAULT_WIDTH;
  const roomy =
    viewportWidth !== undefined && Number.isFinite(viewportWidth)
      ? Math.max(260, Math.floor(viewportWidth * (2 / 3)))
      : MAX_WIDTH;
  const max = Math.min(MAX_WIDTH, roomy);
  const min = Math.min(MIN_WIDTH, max);
  return Math.min(max, Math.max(min, wanted));
}

/** The stored layout of `site`, repaired; the default when missing or broken. */
export function layoutFor(stored: unknown, site: string): SidebarLayout {
  if (!stored || typeof stored !== 'object') return { ...DEFAULT_LAYOUT };
  const entry = (stored as Record<string, unknown>)[site];
  if (!entry || typeof entry !== 'object') return { ...DEFAULT_LAYOUT };
  const { launcher, width } = entry as Partial<Record<keyof SidebarLayout, unknown>>;
  return {
    launcher: LAUNCHER_SPOTS.find((spot) => spot === launcher) ?? DEFAULT_LAYOUT.launcher,
    width: clampWidth(typeof width === 'number' ? width : DEFAULT_WIDTH),
  };
}

/** A new record with `site`'s layout changed; other sites' entries are kept as they are. */
export function withLayout(
  stored: unknown,
  site: string,
  change: Partial<SidebarLayout>,
): SidebarLayoutBySite {
  const base: SidebarLayoutBySite =
    stored && typeof stored === 'object' ? { ...(stored as SidebarLayoutBySite) } : {};
  const next = { ...layoutFor(stored, site), ...change };
  base[site] = { launcher: next.launcher, width: clampWidth(next.width) };
  return base;
}
