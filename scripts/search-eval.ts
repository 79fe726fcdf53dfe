/**
 * `npm run -s search:eval [-- --json] [--split dev|test|all] [--misses]`: scores the sidebar's search on the held-out listener
 * queries (tests/fixtures/search-eval/{dev,test}.json) beside two off-the-shelf engines over the
 * same units (every sentence and every two-sentence passage): MiniSearch 7.2 (default BM25,
 * `fuzzy: 0.2, prefix: true`) and plain fuse.js (threshold 0.4, ignoreLocation).
 *
 * A hit is the intended passage when it is in the intended turn and its sentences cover the
 * intended sentence. Prints recall@1, recall@3, mean reciprocal rank (over the top 10) and the
 * queries with no results, per split and engine, and recall@3 per kind. Tune on `dev` only.
 *
 * The bench (scripts/bench-search.ts) imports the engines and the scoring from here.
 */
import { pathToFileURL } from 'node:url';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { loadEpisode } from '../lib/episode/packaged';
import type { Episode } from '../lib/episode/schema';
import { createEpisodeSearch } from '../lib/search/episode-search';
import devSet from '../tests/fixtures/search-eval/dev.json';
import testSet from '../tests/fixtures/search-eval/test.json';

export interface EvalQuery {
  query: string;
  kind: string;
  turn: number;
  sentence: number;
}

/** What an engine returns for scoring: where each hit starts and how many sentences it spans. */
export interface Located {
  turn: number;
  sentence: number;
  sentenceCount: number;
}

export type Engine = (query: string, limit: number) => Located[];

export const SPLITS: Record<'dev' | 'test', EvalQuery[]> = {
  dev: devSet.queries,
  test: testSet.queries,
};

interface Unit extends Located {
  id: number;
  text: string;
}

/** Every sentence and every two-sentence passage, as the sidebar's search indexes them. */
export function episodeUnits(episode: Episode): Unit[] {
  const units: Unit[] = [];
  episode.transcript.turns.forEach((turn, t) => {
    turn.sentences.forEach((s, i) => {
      units.push({ id: units.length, turn: t, sentence: i, sentenceCount: 1, text: s.text });
      const next = turn.sentences[i + 1];
      if (next)
        units.push({
          id: units.length,
          turn: t,
          sentence: i,
          sentenceCount: 2,
          text: `${s.text} ${next.text}`,
        });
    });
  });
  return units;
}

/** Drops hits overlapping a better one, as the sidebar's search does, so the engines compare. */
function distinct(hits: Located[], limit: number): Located[] {
  const kept: Located[] = [];
  for (const h of hits) {
    const overlaps = kept.some(
      (k) =>
        k.turn === h.turn &&
        k.sentence < h.sentence + h.sentenceCount &&
        h.sentence < k.sentence + k.sentenceCount,
    );
    if (!overlaps) kept.push(h);
    if (kept.length >= limit) break;
  }
  return kept;
}

export function createMiniSearchEngine(episode: Episode): Engine {
  const units = episodeUnits(episode);
  const mini = new MiniSearch<Unit>({
    fields: ['text'],
    storeFields: [],
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  mini.addAll(units);
  return (query, limit) =>
    distinct(
      mini.search(query).map((r) => units[r.id as number] as Unit),
      limit,
    );
}

export function createFuseEngine(episode: Episode): Engine {
  const units = episodeUnits(episode);
  const fuse = new Fuse(units, { keys: ['text'], threshold: 0.4, ignoreLocation: true });
  return (query, limit) =>
    distinct(
      fuse.search(query).map((r) => r.item),
      limit,
    );
}

export function createOurEngine(episode: Episode): Engine {
  const search = createEpisodeSearch(episode);
  return (query, limit) => search.search(query, limit);
}

export const ENGINES = {
  ours: createOurEngine,
  minisearch: createMiniSearchEngine,
  fuse: createFuseEngine,
} as const;

export interface Scores {
  queries: number;
  recall1: number;
  recall3: number;
  mrr: number;
  noResults: number;
  recall3ByKind: Record<string, { found: number; of: number }>;
  /** Queries whose intended passage is not in the top 3 (only printed for dev). */
  misses: string[];
}

const RANKED = 10;

export function score(engine: Engine, queries: readonly EvalQuery[]): Scores {
  let at1 = 0;
  let at3 = 0;
  let reciprocal = 0;
  let noResults = 0;
  const byKind: Scores['recall3ByKind'] = {};
  const misses: string[] = [];
  for (const q of queries) {
    const hits = engine(q.query, RANKED);
    if (hits.length === 0) noResults++;
    const rank = hits.findIndex(
      (h) =>
        h.turn === q.turn && h.sentence <= q.sentence && q.sentence < h.sentence + h.sentenceCount,
    );
    const kind = byKind[q.kind] ?? { found: 0, of: 0 };
    byKind[q.kind] = kind;
    kind.of++;
    if (rank === 0) at1++;
    if (rank >= 0 && rank < 3) {
      at3++;
      kind.found++;
    } else misses.push(`${q.kind}: ${JSON.stringify(q.query)} → rank ${rank < 0 ? '-' : rank + 1}`);
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  }
  const n = queries.length;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    queries: n,
    recall1: round(at1 / n),
    recall3: round(at3 / n),
    mrr: round(reciprocal / n),
    noResults,
    recall3ByKind: byKind,
    misses,
  };
}

function main() {
  const episode = loadEpisode();
  const json = process.argv.includes('--json');
  const showMisses = process.argv.includes('--misses');
  const splitAt = process.argv.indexOf('--split');
  const wanted = splitAt >= 0 ? (process.argv[splitAt + 1] ?? '') : 'all';
  if (wanted !== 'all' && !(wanted in SPLITS)) {
    console.error(`--split must be dev, test or all, not ${JSON.stringify(wanted)}`);
    process.exit(2);
  }
  const engines = Object.entries(ENGINES).map(([name, make]) => [name, make(episode)] as const);
  const report: Record<string, Record<string, Omit<Scores, 'misses'>>> = {};
  for (const [split, queries] of Object.entries(SPLITS)) {
    if (wanted !== 'all' && split !== wanted) continue;
    report[split] = {};
    for (const [name, engine] of engines) {
      const { misses, ...scores } = score(engine, queries);
      (report[split] as Record<string, Omit<Scores, 'misses'>>)[name] = scores;
      if (json) continue;
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
      const kinds = Object.entries(scores.recall3ByKind)
        .map(([kind, k]) => `${kind} ${k.found}/${k.of}`)
        .join(', ');
      console.log(
        `${split.padEnd(4)} ${name.padEnd(10)} R@1 ${pct(scores.recall1)}  R@3 ${pct(scores.recall3)}  MRR ${scores.mrr.toFixed(3)}  no results ${scores.noResults}/${scores.queries}  (R@3 by kind: ${kinds})`,
      );
      // Only the dev split's misses are ever shown: the test split is reported, not tuned on.
      if (showMisses && split === 'dev' && name === 'ours')
        for (const miss of misses) console.log(`    ${miss}`);
    }
  }
  if (json) console.log(JSON.stringify(report));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
