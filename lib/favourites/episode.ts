/** Favourites meet the episode: making them from its data, finding them again after a rebuild. */
import type { Episode, NamedLink, ResourceLink } from '../episode/schema';
import {
  type ClipLine,
  clipText,
  findLines,
  type LinePosition,
  linesBetween,
  type SpeakerPart,
  speakerParts,
} from './clips';
import {
  type LinkFavourite,
  officialLinkId,
  type QuoteFavourite,
  quoteId,
  textHash,
} from './schema';

export function linkFavouriteFromResource(link: ResourceLink, now = Date.now()): LinkFavourite {
  return {
    v: 3,
    kind: 'link',
    id: link.id,
    source: 'resource',
    title: link.title,
    url: link.url,
    savedAt: now,
  };
}

export function linkFavouriteFromOfficial(link: NamedLink, now = Date.now()): LinkFavourite {
  return {
    v: 3,
    kind: 'link',
    id: officialLinkId(link.label),
    source: 'official',
    title: link.label,
    url: link.url,
    savedAt: now,
  };
}

/** Undefined when the indexes point nowhere (the caller has stale positions). */
export function quoteFavouriteFrom(
  episode: Episode,
  turnIndex: number,
  sentenceIndex: number,
  now = Date.now(),
): QuoteFavourite | undefined {
  const at = { turn: turnIndex, sentence: sentenceIndex };
  return clipFavouriteFrom(episode, at, at, now);
}

/**
 * The sentences from `from` to `to` (both included, in transcript order) as one saved quote: a
 * single sentence, or a clip that names its speakers and its end. Undefined when a position
 * points nowhere, `to` comes first, or the clip would be longer than a clip may be.
 */
export function clipFavouriteFrom(
  episode: Episode,
  from: LinePosition,
  to: LinePosition,
  now = Date.now(),
): QuoteFavourite | undefined {
  const lines = linesBetween(episode, from, to);
  const first = lines?.[0];
  const turn = episode.transcript.turns[from.turn];
  if (!lines || !first || !turn) return undefined;
  const text = clipText(lines);
  const nameOf = (id: string) => episode.people.find((p) => p.id === id)?.name ?? '';
  const quote: QuoteFavourite = {
    v: 3,
    kind: 'quote',
    id: quoteId(turn.start, text),
    turn: from.turn,
    sentence: from.sentence,
    turnStart: turn.start,
    text,
    speakerId: turn.speaker,
    speakerName: nameOf(turn.speaker),
    start: first.start,
    savedAt: now,
  };
  if (lines.length === 1) return quote;
  const speakers = [...new Set(lines.map((l) => l.speakerId))];
  return {
    ...quote,
    lines: lines.length,
    end: lines.at(-1)?.end ?? first.end,
    speakers: speakers.map((id) => ({ id, name: nameOf(id) })),
  };
}

export interface ResolvedQuote {
  /** Where the quote starts now (as stored when not found). */
  turn: number;
  sentence: number;
  /** Where it ends: the same line for a single sentence. */
  last: LinePosition;
  /** How many sentences: 1, or a clip's count. */
  lines: number;
  start: number;
  /** A clip's end; undefined for a single sentence. */
  end: number | undefined;
  text: string;
  /** The first speaker, and for a clip everyone who speaks in it, in order. */
  speakerName: string;
  speakerNames: string[];
  /** A clip's text by speaker, for the exports (one part for a single sentence). */
  parts: (Omit<SpeakerPart, 'speakerId'> & { speakerName: string })[];
  /** False when the quote is no longer in the episode: shown as stored, seek to `start`. */
  resolved: boolean;
}

/** Turn starts may move slightly when the data is rebuilt; the text hash is what must match. */
const TURN_START_TOLERANCE = 2;

export function resolveQuote(quote: QuoteFavourite, episode?: Episode): ResolvedQuote {
  const nameOf = (id: string, stored?: string) =>
    episode?.people.find((p) => p.id === id)?.name || stored || id || 'Unknown speaker';
  const count = quote.lines ?? 1;
  const storedNames = (quote.speakers ?? [{ id: quote.speakerId, name: quote.speakerName }]).map(
    (s) => nameOf(s.id, s.name),
  );
  const stored: ResolvedQuote = {
    turn: quote.turn,
    sentence: quote.sentence,
    last: { turn: quote.turn, sentence: quote.sentence + count - 1 },
    lines: count,
    start: quote.start,
    end: quote.end,
    text: quote.text,
    speakerName: nameOf(quote.speakerId, quote.speakerName),
    speakerNames: storedNames,
    parts: [{ speakerName: storedNames.join(', '), start: quote.start, text: quote.text }],
    resolved: false,
  };
  if (!episode) return stored;
  const lines = count > 1 ? findLines(episode, quote.text, count, quote.start) : findSentence();
  if (!lines?.[0]) return stored;
  const first = lines[0];
  const last = lines.at(-1) ?? first;
  const parts = speakerParts(lines).map(({ speakerId, ...part }) => ({
    ...part,
    speakerName: nameOf(speakerId),
  }));
  return {
    turn: first.turn,
    sentence: first.sentence,
    last: { turn: last.turn, sentence: last.sentence },
    lines: lines.length,
    start: first.start,
    end: count > 1 ? last.end : undefined,
    text: clipText(lines),
    speakerName: nameOf(first.speakerId),
    speakerNames: [...new Set(parts.map((p) => p.speakerName))],
    parts,
    resolved: true,
  };

  /** A single sentence: same text hash, same turn start first, else the nearest in time. */
  function findSentence(): ClipLine[] | undefined {
    if (!episode) return undefined;
    const hash = textHash(quote.text);
    let best: { at: LinePosition; distance: number } | undefined;
    episode.transcript.turns.forEach((turn, t) => {
      turn.sentences.forEach((sentence, s) => {
        if (textHash(sentence.text) !== hash) return;
        const sameTurn = Math.abs(turn.start - quote.turnStart) <= TURN_START_TOLERANCE;
        const distance = sameTurn ? -1 : Math.abs(sentence.start - quote.start);
        if (!best || distance < best.distance) best = { at: { turn: t, sentence: s }, distance };
      });
    });
    return best && linesBetween(episode, best.at, best.at);
  }
}

/**
 * Where each saved single-sentence quote sits in the current transcript (`"turn:sentence"` →
 * favourite key), so the sentence's star shows saved even when a rebuild moved the sentence to
 * another turn and its fresh id no longer matches the stored one. Clips have no star of a line.
 */
export function savedQuotePositions(
  quotes: readonly { key: string; record: QuoteFavourite }[],
  episode: Episode,
): Map<string, string> {
  const positions = new Map<string, string>();
  for (const { key, record } of quotes) {
    if ((record.lines ?? 1) > 1) continue;
    const found = resolveQuote(record, episode);
    if (found.resolved) positions.set(`${found.turn}:${found.sentence}`, key);
  }
  return positions;
}

/** How a line shows as saved: a single quote's line, a clip's first line, or another of its lines. */
export type LineMark = 'saved' | 'clip-start' | 'clip';

/** Every line that a saved quote or clip holds (`"turn:sentence"` → its mark), for the text. */
export function savedLines(
  quotes: readonly { record: QuoteFavourite }[],
  episode: Episode,
): Map<string, LineMark> {
  const marks = new Map<string, LineMark>();
  for (const { record } of quotes) {
    const found = resolveQuote(record, episode);
    if (!found.resolved) continue;
    const lines = linesBetween(episode, found, found.last) ?? [];
    lines.forEach((line, i) => {
      const position = `${line.turn}:${line.sentence}`;
      const mark: LineMark = lines.length === 1 ? 'saved' : i === 0 ? 'clip-start' : 'clip';
      // A line both saved alone and inside a clip shows its star.
      if (mark === 'clip' && marks.has(position)) return;
      marks.set(position, marks.get(position) === 'saved' && mark === 'clip' ? 'saved' : mark);
    });
  }
  return marks;
}
