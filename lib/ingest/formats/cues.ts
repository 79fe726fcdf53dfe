/**
 * The shared model of timed transcripts (WebVTT, SRT, Podcasting 2.0 JSON): timed, voiced pieces of
 * text ("cues") and how they become turns. Speakers are named two ways in caption files: a voice
 * tag (`<v Alice Ryhl>`) or a `Name:` prefix at a line where the speaker changes, after which the
 * speaker carries over to the following cues until the next change.
 */

import type { Turn } from '../../episode/schema';
import { joinTurnText, splitSentences } from '../sentences';
import { slugify } from '../slug';
import { SourceError } from '../source-error';

export interface Cue {
  start: number;
  end: number;
  /** Speaker as named in the source (undefined when the cue carries the previous speaker on). */
  speaker: string | undefined;
  text: string;
  /** 1-based line of the cue (its timing line) or segment. */
  line: number;
}

export interface TranscriptImportOptions {
  /**
   * Name (full name, first name or id) to person id. When given, unknown voices are errors and
   * `Name:` prefixes are read as speakers; without it, voices are slugified and prefixes are text.
   */
  speakers?: ReadonlyMap<string, string>;
}

/** Text piece of one cue with the speaker named for it, before the cue's time is shared out. */
export interface Run {
  speaker: string | undefined;
  text: string;
}

/**
 * A `Name:` or `Full Name:` at the start of a line: one to four words, each starting with a letter
 * (hyphens, apostrophes and dots inside), then a colon and a space or the end of the line.
 */
const PREFIX = /^([\p{L}][\p{L}\p{M}\p{N}'’.-]*(?: [\p{L}][\p{L}\p{M}\p{N}'’.-]*){0,3}):(?:\s+|$)/u;

/** The speaker a `Name:` prefix names, or undefined; names are matched ignoring case. */
function knownName(name: string, speakers: ReadonlyMap<string, string>): string | undefined {
  if (speakers.has(name)) return name;
  const lower = name.toLowerCase();
  for (const key of speakers.keys()) if (key.toLowerCase() === lower) return key;
  return undefined;
}

/**
 * Splits untagged text into runs at lines that start with the name of a person of the episode and
 * a colon. Other prefixes ("Note: …", "Rust: …") stay text: only a name of the episode is a speaker.
 */
export function prefixRuns(
  lines: readonly string[],
  speakers: ReadonlyMap<string, string> | undefined,
): Run[] {
  const runs: Run[] = [];
  let current: Run = { speaker: undefined, text: '' };
  for (const line of lines) {
    const m = speakers ? PREFIX.exec(line.trim()) : null;
    const name = m && speakers ? knownName(m[1]!, speakers) : undefined;
    if (m && name !== undefined) {
      if (current.text.trim()) runs.push(current);
      current = { speaker: name, text: line.trim().slice(m[0].length) };
    } else {
      current.text += `\n${line}`;
    }
  }
  if (current.text.trim()) runs.push(current);
  return runs.map((r) => ({ speaker: r.speaker, text: joinTurnText([r.text]) }));
}

/** The `Name:` a line starts with, whether or not it names a person (for first-cue errors). */
export function anyPrefix(text: string): string | undefined {
  return PREFIX.exec(text.trim())?.[1];
}

/** Cues for one source cue: several runs share its time span in proportion to their words. */
export function shareCue(runs: readonly Run[], start: number, end: number, line: number): Cue[] {
  const words = runs.map((r) => r.text.split(/\s+/).filter(Boolean).length);
  const total = words.reduce((a, b) => a + b, 0) || 1;
  let before = 0;
  return runs.map((run, k) => {
    const runStart = start + ((end - start) * before) / total;
    before += words[k] ?? 0;
    const runEnd = start + ((end - start) * before) / total;
    return { start: runStart, end: runEnd, speaker: run.speaker, text: run.text, line };
  });
}

/** Later cues may overlap earlier ones or last no time, but must not start before them. */
export function checkOrder(
  cues: readonly Cue[],
  start: number,
  end: number,
  file: string,
  line: number,
  what = 'cue',
): void {
  if (end < start) throw new SourceError(file, line, `${what} ends before it starts`);
  const previous = cues[cues.length - 1];
  if (previous && start < previous.start) {
    throw new SourceError(
      file,
      line,
      `${what} starts before the previous one (line ${previous.line}): a timestamp goes backwards`,
    );
  }
}

const round = (t: number) => Math.round(t * 1000) / 1000;

function speakerId(
  cue: Cue,
  file: string,
  options: TranscriptImportOptions,
  first: boolean,
): string | undefined {
  if (cue.speaker === undefined) {
    if (!first) return undefined;
    const prefix = anyPrefix(cue.text);
    const known = [...(options.speakers?.keys() ?? [])].join(', ');
    throw new SourceError(
      file,
      cue.line,
      prefix !== undefined
        ? `the first cue's speaker "${prefix}" is not in the episode (expected ${known})`
        : 'the first cue names no speaker (no <v Speaker> voice tag or "Name:" prefix)',
    );
  }
  const id = options.speakers ? options.speakers.get(cue.speaker) : slugify(cue.speaker);
  if (!id) {
    const known = [...(options.speakers?.keys() ?? [])].join(', ');
    throw new SourceError(
      file,
      cue.line,
      `speaker "${cue.speaker}" is not in the episode (expected ${known})`,
    );
  }
  return id;
}

/**
 * Cues to turns: consecutive cues of one speaker make a turn, re-split into sentences. A sentence
 * starts at the time of its first word, interpolated by word position within the cue the word is
 * in, so sentence starts are as precise as the cues allow (not spread over the whole turn).
 */
export function cuesToTurns(
  cues: readonly Cue[],
  file: string,
  options: TranscriptImportOptions = {},
): { turns: Turn[] } {
  const turns: Turn[] = [];
  let group: Cue[] = [];
  let speaker: string | undefined;
  const flush = () => {
    if (group.length === 0 || speaker === undefined) return;
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
    const start = round(group[0]!.start);
    // Overlapping cues may end before a later one of the turn does: the turn ends at the latest.
    const end = round(Math.max(...group.map((c) => c.end)));
    turns.push({ speaker, start, end, sentences });
  };
  for (const [i, cue] of cues.entries()) {
    const id = speakerId(cue, file, options, i === 0) ?? speaker;
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

/**
 * The blocks of a caption file (WebVTT, SRT): runs of non-blank lines between blank ones, from
 * line index `from` on, each with the index of its first line.
 */
export function textBlocks(
  lines: readonly string[],
  from: number,
): Array<{ at: number; lines: string[] }> {
  const blocks: Array<{ at: number; lines: string[] }> = [];
  let i = from;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    if (i >= lines.length) break;
    const at = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '') block.push(lines[i++] ?? '');
    blocks.push({ at, lines: block });
  }
  return blocks;
}
