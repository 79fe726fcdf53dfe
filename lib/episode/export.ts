/**
 * The episode in open formats, for listeners to take with them:
 * - Podcasting 2.0 JSON transcript: { version, segments: [{ speaker, startTime, endTime, body }] }
 * - WebVTT with voice tags (`<v Speaker Name>`), one cue per sentence
 * - Markdown: chapters as headings, each turn with its speaker and a time link to the episode page
 * - Podcasting 2.0 chapters JSON: { version, chapters: [{ startTime, endTime, title }] }
 * Each is plain text built from the packaged episode; the tests parse them back with the importers.
 */

import { formatTime } from '../time';
import { pageTimeUrl } from './quote';
import type { Episode, Turn } from './schema';

export const PODCAST_TRANSCRIPT_VERSION = '1.0.0';
export const PODCAST_CHAPTERS_VERSION = '1.2.0';

export type ExportFormat = 'podcast-json' | 'webvtt' | 'markdown' | 'chapters-json';

export interface ExportFile {
  name: string;
  /** MIME type of the download. */
  type: string;
  text: string;
}

interface Segment {
  speaker: string;
  startTime: number;
  endTime: number;
  body: string;
}

/** Sentences with their end: the next sentence's start, or the turn's end. */
function segments(episode: Episode): Segment[] {
  const names = new Map(episode.people.map((p) => [p.id, p.name]));
  const out: Segment[] = [];
  for (const turn of episode.transcript.turns) {
    const speaker = names.get(turn.speaker) ?? turn.speaker;
    turn.sentences.forEach((sentence, i) => {
      out.push({
        speaker,
        startTime: sentence.start,
        endTime: turn.sentences[i + 1]?.start ?? turn.end,
        body: sentence.text,
      });
    });
  }
  return out;
}

export function toPodcastTranscript(episode: Episode): string {
  const data = { version: PODCAST_TRANSCRIPT_VERSION, segments: segments(episode) };
  return `${JSON.stringify(data, null, 2)}\n`;
}

export function toPodcastChapters(episode: Episode): string {
  const data = {
    version: PODCAST_CHAPTERS_VERSION,
    // v1.2's optional endTime: a chapter runs until the next one starts, the last to the end.
    chapters: (episode.chapters ?? []).map((c, i, all) => ({
      startTime: c.start,
      endTime: all[i + 1]?.start ?? episode.episode.durationSeconds,
      title: c.title,
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** `HH:MM:SS.mmm`, as WebVTT wants it. */
export function vttTimestamp(seconds: number): string {
  const ms = Math.round(Math.max(0, seconds) * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Text as WebVTT cue text: `&`, `<` and `>` as character references, one line. */
function vttText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s+/g, ' ');
}

/** The smallest span a cue can have: WebVTT cues must end after they start. */
const MIN_CUE_SECONDS = 0.001;

export function toWebVtt(episode: Episode): string {
  const { title, season, number } = episode.episode;
  const header = `WEBVTT - ${vttText(title).replace(/-->/g, '→')}`;
  const note = [
    'NOTE',
    `${vttText(episode.show.title)}, season ${season}, episode ${number}.`,
    `${episode.episode.pages.showSite}`.replace(/-->/g, ''),
  ].join('\n');
  const cues = segments(episode).map((segment, i) => {
    const end = Math.max(segment.endTime, segment.startTime + MIN_CUE_SECONDS);
    return [
      String(i + 1),
      `${vttTimestamp(segment.startTime)} --> ${vttTimestamp(end)}`,
      `<v ${vttText(segment.speaker)}>${vttText(segment.body)}`,
    ].join('\n');
  });
  return `${[header, note, ...cues].join('\n\n')}\n`;
}

/** Escapes what Markdown would read as markup, so the words show exactly as spoken. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (ch) => `\\${ch}`).replace(/^(\d+)\. /, '$1\\. ');
}

export function toMarkdown(episode: Episode): string {
  const { title, season, number, published, pages, timeParam } = episode.episode;
  const names = new Map(episode.people.map((p) => [p.id, p.name]));
  const chapters = episode.chapters ?? [];
  const link = (seconds: number) =>
    `[${formatTime(seconds)}](${pageTimeUrl(pages.showSite, seconds, timeParam)})`;
  const lines: string[] = [
    `# ${markdownText(title)}`,
    '',
    `${markdownText(episode.show.title)} · season ${season}, episode ${number} · ${published}`,
    '',
    `Listen: <${pages.showSite}>`,
    '',
    `With ${episode.people.map((p) => `${markdownText(p.name)} (${p.role})`).join(', ')}.`,
    '',
  ];
  if (chapters.length > 0) {
    lines.push('## Chapters', '');
    for (const chapter of chapters)
      lines.push(`- ${link(chapter.start)} ${markdownText(chapter.title)}`);
    lines.push('');
  }
  lines.push('## Transcript', '');
  const headingAt = new Map(chapters.map((c) => [c.turn, c]));
  episode.transcript.turns.forEach((turn: Turn, t) => {
    const chapter = headingAt.get(t);
    if (chapter) lines.push(`### ${markdownText(chapter.title)}`, '');
    const speaker = names.get(turn.speaker) ?? turn.speaker;
    lines.push(`**${markdownText(speaker)}** · ${link(turn.start)}`, '');
    lines.push(markdownText(turn.sentences.map((s) => s.text).join(' ')), '');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The downloads the sidebar offers, named after the episode. */
export function exportFile(episode: Episode, format: ExportFormat): ExportFile {
  const base = `${episode.id}-s${String(episode.episode.season).padStart(2, '0')}e${String(
    episode.episode.number,
  ).padStart(2, '0')}`;
  switch (format) {
    case 'podcast-json':
      return {
        name: `${base}-transcript.json`,
        type: 'application/json',
        text: toPodcastTranscript(episode),
      };
    case 'webvtt':
      return { name: `${base}-transcript.vtt`, type: 'text/vtt', text: toWebVtt(episode) };
    case 'markdown':
      return { name: `${base}-transcript.md`, type: 'text/markdown', text: toMarkdown(episode) };
    case 'chapters-json':
      return {
        name: `${base}-chapters.json`,
        type: 'application/json+chapters',
        text: toPodcastChapters(episode),
      };
  }
}
