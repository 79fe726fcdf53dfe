/**
 * WebVTT importer (the host serves transcripts as WebVTT with voice tags, `<v Speaker>text`).
 * Produces the same transcript model as the page pipeline: turns of one speaker with timed
 * sentences. Consecutive cues of the same speaker become one turn; a cue without a voice tag
 * continues the current speaker.
 */

import type { Turn } from '../../episode/schema';
import { joinTurnText, splitSentences } from '../sentences';
import { slugify } from '../slug';
import { SourceError } from '../source-error';

export interface VttCue {
  start: number;
  end: number;
  /** Speaker name from the voice tag (undefined when the cue has none). */
  speaker: string | undefined;
  text: string;
  line: number;
}

export interface VttImportOptions {
  /** Speaker name (as in the voice tag) to person id; unknown names are errors when given. */
  speakers?: ReadonlyMap<string, string>;
}

const TIMESTAMP = /^(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})$/;
const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  lrm: '',
  rlm: '',
  quot: '"',
  apos: "'",
};

function parseTimestamp(text: string, file: string, line: number): number {
  const m = TIMESTAMP.exec(text);
  if (!m || Number(m[2]) > 59 || Number(m[3]) > 59) {
    throw new SourceError(
      file,
      line,
      `invalid timestamp "${text}" (expected HH:MM:SS.mmm or MM:SS.mmm)`,
    );
  }
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

function decode(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** Splits a cue payload into (speaker, text) runs by voice tags; other tags are dropped. */
function voiceRuns(payload: string): { speaker: string | undefined; text: string }[] {
  const runs: { speaker: string | undefined; text: string }[] = [];
  let speaker: string | undefined;
  let current = '';
  const flush = () => {
    if (current.trim()) runs.push({ speaker, text: decode(current.replace(/<[^>]*>/g, '')) });
    current = '';
  };
  for (const part of payload.split(/(<\/?v(?:\.[^\s>]*)?(?:[ \t][^>]*)?>)/)) {
    const open = /^<v(?:\.[^\s>]*)?[ \t]+([^>]*)>$/.exec(part);
    if (open) {
      flush();
      speaker = decode(open[1]!.trim());
    } else if (/^<\/v>$/.test(part)) {
      flush();
    } else {
      current += part;
    }
  }
  flush();
  return runs;
}

export function parseVtt(text: string, file: string): VttCue[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    throw new SourceError(file, 1, 'not a WebVTT file (the first line must be "WEBVTT")');
  }
  const cues: VttCue[] = [];
  let i = 1;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '') block.push(lines[i++] ?? '');
    const first = block[0] ?? '';
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue;
    const timingAt = first.includes('-->') ? 0 : 1;
    const timingLine = blockStart + timingAt + 1;
    const timing = TIMING.exec((block[timingAt] ?? '').trim());
    if (!timing) {
      throw new SourceError(file, timingLine, 'expected a cue timing line "start --> end"');
    }
    const start = parseTimestamp(timing[1]!, file, timingLine);
    const end = parseTimestamp(timing[2]!, file, timingLine);
    if (end <= start) throw new SourceError(file, timingLine, 'cue ends before it starts');
    const previous = cues[cues.length - 1];
    if (previous && start < previous.start) {
      throw new SourceError(
        file,
        timingLine,
        `cue starts before the previous cue (line ${previous.line})`,
      );
    }
    const payload = block.slice(timingAt + 1).join('\n');
    const runs = voiceRuns(payload);
    if (runs.length === 0) throw new SourceError(file, timingLine, 'cue has no text');
    // Several voices in one cue share its time span in proportion to their words.
    const words = runs.map((r) => r.text.split(/\s+/).filter(Boolean).length);
    const total = words.reduce((a, b) => a + b, 0) || 1;
    let before = 0;
    for (const [k, run] of runs.entries()) {
      const runStart = start + ((end - start) * before) / total;
      before += words[k] ?? 0;
      const runEnd = start + ((end - start) * before) / total;
      cues.push({
        start: runStart,
        end: runEnd,
        speaker: run.speaker,
        text: joinTurnText([run.text]),
        line: timingLine,
      });
    }
  }
  if (cues.length === 0) throw new SourceError(file, lines.length, 'the file has no cues');
  return cues;
}

const round = (t: number) => Math.round(t * 1000) / 1000;

export function importVtt(
  text: string,
  file: string,
  options: VttImportOptions = {},
): { turns: Turn[] } {
  return cuesToTurns(parseVtt(text, file), file, options);
}

/**
 * Timed, voiced pieces of text (VTT cues, Podcasting 2.0 segments) to turns: consecutive pieces of
 * one speaker make a turn, re-split into sentences timed by word position within their piece.
 */
export function cuesToTurns(
  cues: readonly VttCue[],
  file: string,
  options: VttImportOptions = {},
): { turns: Turn[] } {
  const turns: Turn[] = [];
  let group: VttCue[] = [];
  let speaker: string | undefined;
  const flush = () => {
    if (group.length === 0 || speaker === undefined) return;
    // Each word's time is interpolated within its own cue, so sentence starts are as precise
    // as the cues allow.
    const wordTimes: number[] = [];
    for (const cue of group) {
      const words = cue.text.split(' ');
      words.forEach((_, w) => {
        wordTimes.push(cue.start + ((cue.end - cue.start) * w) / words.length);
      });
    }
    const turnText = joinTurnText(group.map((c) => c.text));
    let at = 0;
    const sentences = splitSentences(turnText).map((s) => {
      const start = round(wordTimes[at] ?? group[0]!.start);
      at += s.split(' ').length;
      return { start, text: s };
    });
    turns.push({
      speaker,
      start: round(group[0]!.start),
      end: round(group[group.length - 1]!.end),
      sentences,
    });
  };
  for (const cue of cues) {
    let id: string | undefined = speaker;
    if (cue.speaker !== undefined) {
      id = options.speakers ? options.speakers.get(cue.speaker) : slugify(cue.speaker);
      if (!id) {
        const known = [...(options.speakers?.keys() ?? [])].join(', ');
        throw new SourceError(
          file,
          cue.line,
          `speaker "${cue.speaker}" is not in the episode (expected ${known})`,
        );
      }
    }
    if (id === undefined) {
      throw new SourceError(file, cue.line, 'the first cue has no <v Speaker> voice tag');
    }
    if (id !== speaker) {
      flush();
      group = [];
      speaker = id;
    }
    group.push(cue);
  }
  flush();
  return { turns };
}
