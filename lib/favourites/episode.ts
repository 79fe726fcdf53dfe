/** Favourites meet the episode: making them from its data, finding them again after a rebuild. */
import type { Episode, NamedLink, ResourceLink } from '../episode/schema';
import { formatTime } from '../time';
import {
  type LinkFavourite,
  officialLinkId,
  type QuoteFavourite,
  quoteId,
  textHash,
} from './schema';

export function linkFavouriteFromResource(link: ResourceLink, now = Date.now()): LinkFavourite {
  return {
    v: 2,
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
    v: 2,
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
  const turn = episode.transcript.turns[turnIndex];
  const sentence = turn?.sentences[sentenceIndex];
  if (!turn || !sentence) return undefined;
  const speaker = episode.people.find((p) => p.id === turn.speaker);
  return {
    v: 2,
    kind: 'quote',
    id: quoteId(turn.start, sentence.text),
    turn: turnIndex,
    sentence: sentenceIndex,
    turnStart: turn.start,
    text: sentence.text,
    speakerId: turn.speaker,
    speakerName: speaker?.name ?? '',
    start: sentence.start,
    savedAt: now,
  };
}

export interface ResolvedQuote {
  turn: number;
  sentence: number;
  start: number;
  text: string;
  speakerName: string;
  /** False when the sentence is no longer in the episode: shown as stored, seek to `start`. */
  resolved: boolean;
}

/** Turn starts may move slightly when the data is rebuilt; the text hash is what must match. */
const TURN_START_TOLERANCE = 2;

export function resolveQuote(quote: QuoteFavourite, episode?: Episode): ResolvedQuote {
  const nameOf = (id: string) =>
    episode?.people.find((p) => p.id === id)?.name || quote.speakerName || id || 'Unknown speaker';
  const stored: ResolvedQuote = {
    turn: quote.turn,
    sentence: quote.sentence,
    start: quote.start,
    text: quote.text,
    speakerName: nameOf(quote.speakerId),
    resolved: false,
  };
  if (!episode) return stored;
  const hash = textHash(quote.text);
  let best: { turn: number; sentence: number; distance: number } | undefined;
  episode.transcript.turns.forEach((turn, t) => {
    turn.sentences.forEach((sentence, s) => {
      if (textHash(sentence.text) !== hash) return;
      // Same turn start wins outright; otherwise the occurrence nearest the stored time.
      const sameTurn = Math.abs(turn.start - quote.turnStart) <= TURN_START_TOLERANCE;
      const distance = sameTurn ? -1 : Math.abs(sentence.start - quote.start);
      if (!best || distance < best.distance) best = { turn: t, sentence: s, distance };
    });
  });
  if (!best) return stored;
  const { turn: t, sentence: s } = best;
  const turn = episode.transcript.turns[t]!;
  const sentence = turn.sentences[s]!;
  return {
    turn: t,
    sentence: s,
    start: sentence.start,
    text: sentence.text,
    speakerName: nameOf(turn.speaker),
    resolved: true,
  };
}

/**
 * Where each saved quote sits in the current transcript (`"turn:sentence"` → favourite key), so
 * the sentence's star shows saved even when a rebuild moved the sentence to another turn and its
 * fresh id no longer matches the stored one.
 */
export function savedQuotePositions(
  quotes: readonly { key: string; record: QuoteFavourite }[],
  episode: Episode,
): Map<string, string> {
  const positions = new Map<string, string>();
  for (const { key, record } of quotes) {
    const found = resolveQuote(record, episode);
    if (found.resolved) positions.set(`${found.turn}:${found.sentence}`, key);
  }
  return positions;
}
