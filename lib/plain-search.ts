/**
 * Exact, case-insensitive phrase search over the transcript. Stands in for the fuzzy search
 * (lib/transcript-search.ts) until it lands, with the same hit shape.
 */
import type { Episode } from './episode-schema';
import type { Hit } from './sidebar-store';

export function createPlainSearch(episode: Episode) {
  const rows = episode.transcript.turns.flatMap((turn, t) =>
    turn.sentences.map((sentence, s) => ({
      turn: t,
      sentence: s,
      speaker: turn.speaker,
      start: sentence.start,
      text: sentence.text,
      lower: sentence.text.toLowerCase(),
    })),
  );
  return {
    search(query: string, limit = 50): Hit[] {
      const needle = query.trim().toLowerCase();
      if (!needle) return [];
      const hits: Hit[] = [];
      for (const row of rows) {
        const at = row.lower.indexOf(needle);
        if (at < 0) continue;
        hits.push({
          turn: row.turn,
          sentence: row.sentence,
          speaker: row.speaker,
          start: row.start,
          text: row.text,
          highlights: [[at, at + needle.length]],
          corrections: [],
        });
        if (hits.length >= limit) break;
      }
      return hits;
    },
  };
}
