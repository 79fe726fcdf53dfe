/**
 * Chapters: a map of the conversation by topic. Two source formats are read:
 *
 * - the curated file beside the page (chapters.json), where each chapter names the turn it starts
 *   at by the turn's listed start time and speaker, so a chapter cannot drift off a turn boundary:
 *   { "chapters": [ { "start": "00:02:05", "speaker": "matthias-endler", "title": "…" }, … ] }
 * - Podcasting 2.0 chapters JSON: { "version": "1.2.0", "chapters": [ { "startTime": 125,
 *   "title": "…" }, … ] }, with the v1.2 optional fields `endTime`, `url`, `img` and `toc` read
 *   and checked; `toc: false` marks a silent chapter, which is not a jump point and so is not
 *   placed. Fields the spec may add later are ignored; a required one missing is an error.
 *
 * Either way every chapter must start at a turn (its time is the turn's), in order, inside the
 * episode; a bad entry stops the build with the file and the entry's line.
 */

import type { Chapter, Turn } from '../episode/schema';
import { formatTime, parseTime } from '../time';
import { listEntries, parseJsonSource } from './json-lines';
import { SourceError } from './source-error';

export const CHAPTER_TITLE_MAX = 90;
/** Podcasting 2.0 chapter times are seconds, often rounded: this close to a turn start is on it. */
const TIME_TOLERANCE = 0.5;

export interface ChapterEntry {
  start: number;
  /** Person id of the turn's speaker (curated file only; disambiguates turns at the same time). */
  speaker?: string;
  title: string;
  line: number;
  /** Podcasting 2.0 v1.2 optional fields, when the source has them. */
  endTime?: number;
  url?: string;
  img?: string;
  /** false: a silent chapter (not in the table of contents, not a jump point). */
  toc?: boolean;
}

/** The chapter at `line` as an object, or a SourceError naming it. */
function entryObject(
  value: unknown,
  file: string,
  line: number,
  n: number,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SourceError(file, line, `chapter ${n}: not an object`);
  return value as Record<string, unknown>;
}

function title(o: Record<string, unknown>, file: string, line: number, n: number): string {
  const text = typeof o.title === 'string' ? o.title.trim().replace(/\s+/g, ' ') : '';
  if (!text) throw new SourceError(file, line, `chapter ${n}: "title" must be a non-empty string`);
  if (text.length > CHAPTER_TITLE_MAX) {
    throw new SourceError(
      file,
      line,
      `chapter ${n}: title is ${text.length} characters, keep it under ${CHAPTER_TITLE_MAX}`,
    );
  }
  return text;
}

/** Reads either chapter format (Podcasting 2.0 when the file has a "version"). */
export function parseChapters(text: string, file: string): ChapterEntry[] {
  const data = parseJsonSource(text, file);
  const isPodcast =
    typeof data === 'object' && data !== null && !Array.isArray(data) && 'version' in data;
  return isPodcast ? parsePodcastChapters(text, file) : parseCuratedChapters(text, file);
}

export function parseCuratedChapters(text: string, file: string): ChapterEntry[] {
  return listEntries(text, file, 'chapters').map(({ value, line }, i) => {
    const n = i + 1;
    const o = entryObject(value, file, line, n);
    const unknown = Object.keys(o).filter((key) => !['start', 'speaker', 'title'].includes(key));
    if (unknown.length > 0)
      throw new SourceError(file, line, `chapter ${n}: unknown field "${unknown[0]}"`);
    const start = typeof o.start === 'string' ? parseTime(o.start) : undefined;
    if (start === undefined) {
      throw new SourceError(
        file,
        line,
        `chapter ${n}: "start" must be the start of a turn, like "00:02:05"`,
      );
    }
    if (typeof o.speaker !== 'string' || !o.speaker.trim()) {
      throw new SourceError(
        file,
        line,
        `chapter ${n}: "speaker" must be the id of the person who speaks first`,
      );
    }
    return { start, speaker: o.speaker.trim(), title: title(o, file, line, n), line };
  });
}

export function parsePodcastChapters(text: string, file: string): ChapterEntry[] {
  const data = parseJsonSource(text, file) as Record<string, unknown>;
  if (typeof data.version !== 'string' || !data.version.trim())
    throw new SourceError(file, 1, '"version" must be a string such as "1.2.0"');
  return listEntries(text, file, 'chapters').map(({ value, line }, i) => {
    const n = i + 1;
    const o = entryObject(value, file, line, n);
    const start = o.startTime;
    if (typeof start !== 'number' || !Number.isFinite(start) || start < 0) {
      throw new SourceError(file, line, `chapter ${n}: "startTime" must be seconds (a number ≥ 0)`);
    }
    return {
      start,
      title: title(o, file, line, n),
      line,
      ...optionalFields(o, start, file, line, n),
    };
  });
}

/** The v1.2 optional fields a chapter has, each checked for its type. */
function optionalFields(
  o: Record<string, unknown>,
  start: number,
  file: string,
  line: number,
  n: number,
): Pick<ChapterEntry, 'endTime' | 'url' | 'img' | 'toc'> {
  const fields: Pick<ChapterEntry, 'endTime' | 'url' | 'img' | 'toc'> = {};
  if (o.endTime !== undefined) {
    if (typeof o.endTime !== 'number' || !Number.isFinite(o.endTime) || o.endTime < start)
      throw new SourceError(
        file,
        line,
        `chapter ${n}: "endTime" must be seconds, not before startTime`,
      );
    fields.endTime = o.endTime;
  }
  for (const key of ['url', 'img'] as const) {
    const value = o[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !value.trim())
      throw new SourceError(file, line, `chapter ${n}: "${key}" must be an address (a string)`);
    fields[key] = value;
  }
  if (o.toc !== undefined) {
    if (typeof o.toc !== 'boolean')
      throw new SourceError(file, line, `chapter ${n}: "toc" must be true or false`);
    fields.toc = o.toc;
  }
  return fields;
}

/**
 * Places chapters on the transcript: each at the turn that starts at its time (and, when given,
 * is spoken by its speaker), strictly after the previous chapter, inside the episode. Silent
 * chapters (`toc: false`) are skipped: they are not places a listener jumps to.
 */
export function placeChapters(
  entries: readonly ChapterEntry[],
  turns: readonly Turn[],
  durationSeconds: number,
  file: string,
): Chapter[] {
  const chapters: Chapter[] = [];
  const titles = new Map<string, number>();
  for (const [i, entry] of entries.entries()) {
    const n = i + 1;
    if (entry.toc === false) continue;
    const fail = (reason: string): never => {
      throw new SourceError(file, entry.line, `chapter ${n} ("${entry.title}"): ${reason}`);
    };
    if (entry.start >= durationSeconds) {
      fail(
        `starts at ${formatTime(entry.start)}, after the episode ends (${formatTime(durationSeconds)})`,
      );
    }
    const candidates = turns
      .map((turn, index) => ({ turn, index }))
      .filter(({ turn }) => Math.abs(turn.start - entry.start) <= TIME_TOLERANCE);
    const exact = entry.speaker
      ? candidates.filter(({ turn }) => turn.speaker === entry.speaker)
      : candidates;
    if (candidates.length === 0) {
      const next = turns.find((t) => t.start > entry.start);
      const previous = [...turns].reverse().find((t) => t.start < entry.start);
      const near = [previous, next]
        .filter((t): t is Turn => t !== undefined)
        .map((t) => `${formatTime(t.start)} (${t.speaker})`)
        .join(' or ');
      fail(`no turn starts at ${formatTime(entry.start)}; the nearest turns start at ${near}`);
    }
    if (exact.length === 0) {
      const speakers = candidates.map(({ turn }) => turn.speaker).join(', ');
      fail(`the turn at ${formatTime(entry.start)} is spoken by ${speakers}, not ${entry.speaker}`);
    }
    const { turn, index } = exact[0]!;
    const previous = chapters[chapters.length - 1];
    if (previous && index <= previous.turn) {
      fail(
        `must start after the previous chapter (turn ${previous.turn + 1} at ${formatTime(previous.start)})`,
      );
    }
    const seen = titles.get(entry.title.toLowerCase());
    if (seen !== undefined) fail(`same title as chapter ${seen}`);
    titles.set(entry.title.toLowerCase(), n);
    chapters.push({ title: entry.title, turn: index, start: turn.start });
  }
  return chapters;
}
