/**
 * Where a moment falls among the episode's chapters, for the chapter bar and search results.
 * Chapters are read and placed on turns at build time (lib/ingest/chapters.ts).
 */
import type { Chapter } from './schema';

/** Index of the chapter playing at `seconds` (-1 before the first chapter). */
export function chapterAt(chapters: readonly Chapter[], seconds: number): number {
  let lo = 0;
  let hi = chapters.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((chapters[mid]?.start ?? Infinity) <= seconds) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the chapter a turn belongs to (-1 before the first chapter). */
export function chapterOfTurn(chapters: readonly Chapter[], turn: number): number {
  let found = -1;
  for (const [i, chapter] of chapters.entries()) {
    if (chapter.turn > turn) break;
    found = i;
  }
  return found;
}
