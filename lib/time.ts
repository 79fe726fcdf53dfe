/** Time maths shared by the data build, the sidebar and the player bridge. */

/** `M:SS` under an hour, `H:MM:SS` from an hour on. Fractions are dropped, negatives clamp to 0. */
export function formatTime(seconds: number): string {
  const total = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * Reads `SS`, `MM:SS` or `H:MM:SS` (as in `?t=24:26` and the turn list's `00:01:16`).
 * Returns undefined for anything else, including minutes or seconds of 60 and over.
 */
export function parseTime(text: string): number | undefined {
  const match = /^\s*(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})(?:\.(\d+))?\s*$/.exec(text);
  if (!match) return undefined;
  const [, h, m, s, frac] = match;
  const hours = h ? Number(h) : 0;
  const minutes = m ? Number(m) : 0;
  const secs = Number(s);
  if ((m !== undefined && secs >= 60) || (h !== undefined && minutes >= 60)) return undefined;
  return hours * 3600 + minutes * 60 + secs + (frac ? Number(`0.${frac}`) : 0);
}
