/** Favourites out of and into the extension: Markdown and JSON export, validated JSON import. */

import { pageTimeUrl } from '../episode/quote';
import type { Episode } from '../episode/schema';
import { formatTime } from '../time';
import { resolveQuote } from './episode';
import { readFavourite } from './migrations';
import {
  FAVOURITES_VERSION,
  type Favourite,
  favouriteId,
  type QuoteFavourite,
  type SetAsideEntry,
} from './schema';

export const EXPORT_FORMAT = 'rust-for-linux-companion/favourites';

export interface FavouritesExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  favourites: Favourite[];
  /** Values that could not be read, exported as they were stored so nothing is lost. */
  setAside: SetAsideEntry[];
}

export function exportJson(
  favourites: Favourite[],
  setAside: SetAsideEntry[] = [],
  now = new Date(),
): string {
  const data: FavouritesExport = {
    format: EXPORT_FORMAT,
    version: FAVOURITES_VERSION,
    exportedAt: now.toISOString(),
    favourites,
    // As stored: where the listed copy lives is this browser's business.
    setAside: setAside.map(({ area, storedKey, raw, reason, setAsideAt }) => ({
      area,
      storedKey,
      raw,
      reason,
      setAsideAt,
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Titles and quotes are data: escape what Markdown would read as markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1').replace(/\s+/g, ' ');
}

/** The listener's note, line by line, each line prefixed (indentation, or nothing). */
function noteLines(note: string | undefined, first: string, rest: string): string[] {
  if (!note) return [];
  return note.split('\n').map((line, i) => `${i === 0 ? first : rest}${line}`.trimEnd());
}

function markdownQuote(quote: QuoteFavourite, episode: Episode | undefined): string[] {
  const shown = resolveQuote(quote, episode);
  const timeLink = (seconds: number) => {
    const time = formatTime(seconds);
    return episode
      ? `[${time}](<${pageTimeUrl(episode.episode.pages.hostPage, seconds, episode.episode.timeParam)}>)`
      : time;
  };
  const range = `${timeLink(shown.start)}${shown.end === undefined ? '' : `–${timeLink(shown.end)}`}`;
  const lines: string[] = [];
  if (shown.parts.length === 1) {
    lines.push(
      `> ${escapeMarkdown(shown.text)}`,
      '>',
      `> — ${escapeMarkdown(shown.speakerName)}, ${range}`,
    );
  } else {
    // A clip across speakers: one paragraph each, named and linked to its moment.
    for (const part of shown.parts) {
      lines.push(
        `> **${escapeMarkdown(part.speakerName)}**, ${timeLink(part.start)}: ${escapeMarkdown(part.text)}`,
        '>',
      );
    }
    lines.push(`> — ${range}`);
  }
  // The note is the listener's own text, kept as written (their notes app reads its Markdown),
  // inside a list item of its own: a fence, a heading or a `>` in it stays inside that item.
  if (quote.note) lines.push('', ...noteLines(quote.note, '- Note: ', '  '));
  lines.push('');
  return lines;
}

/**
 * Markdown for a notes app (Obsidian, Logseq): links as a list, each note a nested item under
 * its link; quotes and clips as block quotes with speakers and time links, each note after it.
 */
export function exportMarkdown(favourites: Favourite[], episode?: Episode): string {
  const title = episode?.episode.title ?? 'Rust for Linux with Alice Ryhl and Greg Kroah-Hartman';
  const lines = [`# Saved from “${escapeMarkdown(title)}”`, ''];
  const links = favourites.filter((f) => f.kind === 'link');
  const quotes = favourites.filter((f) => f.kind === 'quote');
  if (links.length) {
    lines.push('## Links', '');
    for (const link of links) {
      lines.push(`- [${escapeMarkdown(link.title)}](<${link.url}>)`);
      lines.push(...noteLines(link.note, '  - Note: ', '    '));
    }
    lines.push('');
  }
  if (quotes.length) {
    lines.push('## Quotes', '');
    for (const quote of quotes) lines.push(...markdownQuote(quote, episode));
  }
  if (!links.length && !quotes.length) lines.push('Nothing saved.', '');
  return lines.join('\n');
}

export interface ImportReport {
  /** Records new to this browser, ready to save. */
  toSave: Favourite[];
  skipped: { entry: string; label: string; reason: string }[];
  /** Whole-file problem (not JSON, wrong shape): nothing imported. */
  error?: string;
}

function labelOf(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return String(raw).slice(0, 60);
  const r = raw as Record<string, unknown>;
  const text = r.title ?? r.text ?? r.id ?? r.linkId;
  return typeof text === 'string' ? text.slice(0, 80) : '(unnamed entry)';
}

/** Turns a JSON parse error into "file, line N". */
function jsonErrorMessage(fileName: string, text: string, error: Error): string {
  const pos = /position (\d+)/.exec(error.message);
  const lineCol = /line (\d+) column (\d+)/.exec(error.message);
  let where = '';
  if (lineCol) where = `, line ${lineCol[1]}`;
  else if (pos) where = `, line ${text.slice(0, Number(pos[1])).split('\n').length}`;
  return `${fileName}${where}: not valid JSON (${error.message})`;
}

/**
 * Reads an exported file (this format, a bare array of favourites, or a version 1 array) and
 * decides, entry by entry, what would be imported and what is skipped and why.
 */
export function planImport(
  fileName: string,
  text: string,
  /** What this browser holds already, by `kind:id`. */
  alreadySaved: ReadonlyMap<string, Favourite>,
): ImportReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { toSave: [], skipped: [], error: jsonErrorMessage(fileName, text, error as Error) };
  }
  let entries: unknown[];
  let path = '';
  if (Array.isArray(data)) entries = data;
  else if (
    typeof data === 'object' &&
    data !== null &&
    Array.isArray((data as FavouritesExport).favourites)
  ) {
    entries = (data as FavouritesExport).favourites;
    path = 'favourites';
  } else {
    return {
      toSave: [],
      skipped: [],
      error: `${fileName}: not a favourites export (expected a "favourites" list)`,
    };
  }
  const report: ImportReport = { toSave: [], skipped: [] };
  const seen = new Set<string>();
  entries.forEach((raw, index) => {
    const entry = `${path}[${index}]`;
    const label = labelOf(raw);
    const read = readFavourite(raw);
    if (read.status === 'newer') {
      report.skipped.push({ entry, label, reason: `made by a newer version (v${read.version})` });
    } else if (read.status === 'invalid') {
      report.skipped.push({ entry, label, reason: read.reason });
    } else {
      const key = favouriteId(read.record);
      if (alreadySaved.has(key)) {
        const saved = alreadySaved.get(key);
        const reason =
          (saved?.note ?? '') !== (read.record.note ?? '')
            ? `already saved, with ${saved?.note ? 'another note' : 'no note'}: the one saved here is kept`
            : 'already saved';
        report.skipped.push({ entry, label, reason });
      } else if (seen.has(key)) report.skipped.push({ entry, label, reason: 'duplicate in file' });
      else {
        seen.add(key);
        report.toSave.push(read.record);
      }
    }
  });
  return report;
}

export function exportFileName(ext: 'md' | 'json', now = new Date()): string {
  return `rust-for-linux-favourites-${now.toISOString().slice(0, 10)}.${ext}`;
}
