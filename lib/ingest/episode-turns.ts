/**
 * The turns of an episode, from either source: the page's unlabelled transcript aligned to its
 * list of speaker turns (times interpolated by word position), or a timed, speaker-labelled
 * transcript file (times from its cues).
 */
import type { Person, Turn } from '../episode/schema';
import type { EpisodeSources, SourceFile } from './episode-sources';
import { importTranscript } from './formats/detect';
import type { RawPage } from './page-parser';
import { joinTurnText, turnSentences } from './sentences';
import { SourceError } from './source-error';
import { alignTurns, type TurnStart } from './turns/aligner';
import { parseTurnPins, type TurnPin } from './turns/pins';

/** Speaking rate used to estimate how long the last turn lasts. */
const WORDS_PER_SECOND = 3;

/** Text of each turn: from its start to the next turn's start, lines joined with spaces. */
export function sliceTurns(lines: readonly string[], starts: readonly TurnStart[]): string[] {
  return starts.map((s, k) => {
    const next = starts[k + 1] ?? { line: lines.length, column: 0 };
    const parts: string[] = [];
    for (let l = s.line; l <= next.line && l < lines.length; l++) {
      const line = lines[l] ?? '';
      const from = l === s.line ? s.column : 0;
      const to = l === next.line ? next.column : line.length;
      if (to > from) parts.push(line.slice(from, to));
    }
    return joinTurnText(parts);
  });
}

/**
 * The header only says "49 min"; the last turn's words at ~3 words/s give a better estimate,
 * kept within the header's rounding window and never before the last turn starts.
 */
export function estimateDuration(minutes: number, lastStart: number, lastWords: number): number {
  const low = (minutes - 0.5) * 60;
  const high = (minutes + 0.5) * 60;
  const spoken = lastStart + lastWords / WORDS_PER_SECOND;
  return Math.round(Math.max(lastStart, Math.min(high, Math.max(low, spoken))));
}

export interface BuiltTurns {
  turns: Turn[];
  /** Each turn's text, for finding where links come up. */
  texts: string[];
  duration: number;
}

/** Turns from the page: its transcript lines aligned to its list of speaker turns. */
export function alignedTurns(
  page: RawPage,
  sources: EpisodeSources,
  hostId: string,
  idOf: (shortName: string) => string,
): BuiltTurns {
  const pins: TurnPin[] = sources.pins ? parseTurnPins(sources.pins.text, sources.pins.file) : [];
  // The text before the first listed turn is the host's, from 00:00:00.
  const cues = [
    { speaker: hostId, start: 0 },
    ...page.turns.map((t) => ({ speaker: idOf(t.name), start: t.start })),
  ];
  const starts = alignTurns({ lines: page.transcript, cues, pins });
  if (starts.length !== cues.length) {
    throw new Error(`turn aligner returned ${starts.length} starts for ${cues.length} turns`);
  }
  const texts = sliceTurns(page.transcript, starts);
  texts.forEach((text, k) => {
    if (!text) {
      const line = page.turns[k - 1]?.line;
      throw new SourceError(sources.page.file, line, 'this turn got no transcript text');
    }
  });
  const lastStart = cues[cues.length - 1]!.start;
  const lastWords = (texts[texts.length - 1] ?? '').split(/\s+/).length;
  const duration = estimateDuration(page.durationMinutes, lastStart, lastWords);
  const turns = cues.map((cue, k) => {
    const end = cues[k + 1]?.start ?? duration;
    return {
      speaker: cue.speaker,
      start: cue.start,
      end,
      sentences: turnSentences(texts[k] ?? '', cue.start, end),
    };
  });
  return { turns, texts, duration };
}

/** Turns from a timed transcript file, speakers named as in the episode. */
export function importedTurns(file: SourceFile, people: Person[]): BuiltTurns {
  const speakers = new Map<string, string>();
  for (const p of people) {
    for (const name of [p.name, p.shortName, p.id]) speakers.set(name, p.id);
  }
  const { turns } = importTranscript(file.text, file.file, { speakers });
  const last = turns[turns.length - 1]!;
  const texts = turns.map((t) => joinTurnText(t.sentences.map((s) => s.text)));
  return { turns, texts, duration: last.end };
}
