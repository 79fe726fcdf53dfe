/**
 * Clips: a saved quote of several consecutive sentences, across turns if need be. Lines are
 * addressed by turn and sentence index; "consecutive" is transcript order, so the sentence after a
 * turn's last is the next turn's first.
 */
import type { Episode } from '../episode/schema';
import { CLIP_MAX_LINES, normaliseQuoteText } from './schema';

export interface LinePosition {
  turn: number;
  sentence: number;
}

export interface ClipLine extends LinePosition {
  text: string;
  start: number;
  /** When the sentence ends: the next sentence's start in its turn, else the turn's end. */
  end: number;
  speakerId: string;
}

/** Negative when `a` comes first, in transcript order. */
export function compareLines(a: LinePosition, b: LinePosition): number {
  return a.turn - b.turn || a.sentence - b.sentence;
}

/** The line after `at` in transcript order, undefined after the last. */
export function nextLine(episode: Episode, at: LinePosition): LinePosition | undefined {
  const turn = episode.transcript.turns[at.turn];
  if (!turn) return undefined;
  if (at.sentence + 1 < turn.sentences.length) return { turn: at.turn, sentence: at.sentence + 1 };
  return at.turn + 1 < episode.transcript.turns.length
    ? { turn: at.turn + 1, sentence: 0 }
    : undefined;
}

/** The line before `at` in transcript order, undefined before the first. */
export function previousLine(episode: Episode, at: LinePosition): LinePosition | undefined {
  if (at.sentence > 0) return { turn: at.turn, sentence: at.sentence - 1 };
  const turn = episode.transcript.turns[at.turn - 1];
  return turn ? { turn: at.turn - 1, sentence: turn.sentences.length - 1 } : undefined;
}

function lineAt(episode: Episode, at: LinePosition): ClipLine | undefined {
  const turn = episode.transcript.turns[at.turn];
  const sentence = turn?.sentences[at.sentence];
  if (!turn || !sentence) return undefined;
  const end = turn.sentences[at.sentence + 1]?.start ?? turn.end;
  return { ...at, text: sentence.text, start: sentence.start, end, speakerId: turn.speaker };
}

/**
 * The lines from `from` to `to`, both included; undefined when either end points nowhere, `to`
 * comes before `from`, or there are more than `limit`.
 */
export function linesBetween(
  episode: Episode,
  from: LinePosition,
  to: LinePosition,
  limit = CLIP_MAX_LINES,
): ClipLine[] | undefined {
  if (compareLines(from, to) > 0 || !lineAt(episode, to)) return undefined;
  const lines: ClipLine[] = [];
  let at: LinePosition | undefined = from;
  while (at && lines.length < limit) {
    const line = lineAt(episode, at);
    if (!line) return undefined;
    lines.push(line);
    if (compareLines(at, to) === 0) return lines;
    at = nextLine(episode, at);
  }
  // Longer than `limit`: not a clip that may be saved.
  return undefined;
}

/** A clip's text as stored: its sentences joined by one space. */
export const clipText = (lines: readonly { text: string }[]) => lines.map((l) => l.text).join(' ');

/** `count` lines from `from` on, undefined if the transcript ends first. */
function linesFrom(episode: Episode, from: LinePosition, count: number): ClipLine[] | undefined {
  const lines: ClipLine[] = [];
  let at: LinePosition | undefined = from;
  while (at && lines.length < count) {
    const line = lineAt(episode, at);
    if (!line) return undefined;
    lines.push(line);
    at = nextLine(episode, at);
  }
  return lines.length === count ? lines : undefined;
}

/**
 * Finds `count` consecutive lines whose text is `text` (compared as quote ids compare it), the
 * occurrence nearest `near` seconds winning. Used to find a clip again after a data rebuild.
 */
export function findLines(
  episode: Episode,
  text: string,
  count: number,
  near: number,
): ClipLine[] | undefined {
  const wanted = normaliseQuoteText(text);
  let best: { lines: ClipLine[]; distance: number } | undefined;
  episode.transcript.turns.forEach((turn, t) => {
    turn.sentences.forEach((sentence, s) => {
      if (!wanted.startsWith(normaliseQuoteText(sentence.text))) return;
      const lines = linesFrom(episode, { turn: t, sentence: s }, count);
      if (!lines || normaliseQuoteText(clipText(lines)) !== wanted) return;
      const distance = Math.abs(sentence.start - near);
      if (!best || distance < best.distance) best = { lines, distance };
    });
  });
  return best?.lines;
}

export interface SpeakerPart {
  speakerId: string;
  start: number;
  text: string;
}

/** Consecutive lines of one speaker run together: what a clip's reader sees as paragraphs. */
export function speakerParts(lines: readonly ClipLine[]): SpeakerPart[] {
  const parts: SpeakerPart[] = [];
  for (const line of lines) {
    const last = parts.at(-1);
    if (last && last.speakerId === line.speakerId) last.text += ` ${line.text}`;
    else parts.push({ speakerId: line.speakerId, start: line.start, text: line.text });
  }
  return parts;
}
