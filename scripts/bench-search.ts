/**
 * `npm run bench [-- --json] [--split dev|test]`: types realistic queries one keystroke at a time into the sidebar's
 * search and, in the same run, into plain fuse.js and MiniSearch over the same sentences and
 * two-sentence passages (scripts/search-eval.ts); prints per-keystroke p50, p95 and max for each,
 * the cold first keystroke and index build, and each engine's recall@3 and no-result count on the
 * held-out test queries (`--split dev` scores the dev queries instead, for runs made while tuning).
 *
 * Each measured round types every query into a new engine whose index is already built, as a
 * listener who opens the sidebar and types them for the first time: nothing is cached from an
 * earlier round (only the JIT is warm, from the warm-up rounds). The cold figures come from a
 * fresh process per engine (`--cold <engine>`): the index build, then the first keystroke on the
 * new engine before anything else ran; for ours also after `warm()`, as the sidebar calls it.
 */
import { execFileSync } from 'node:child_process';
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadEpisode } from '../lib/episode/packaged';
import { createEpisodeSearch } from '../lib/search/episode-search';
import {
  createFuseEngine,
  createMiniSearchEngine,
  type Engine,
  SPLITS,
  score,
} from './search-eval';

const QUERIES = [
  'rust is gonna save linux',
  'interop is the new rewrite',
  'coccinelle',
  'coconut',
  'kernal',
  'greg usb serial converter',
  'memory safe langauge',
  'alice works on both sides',
  "don't break the build",
  'linked lists on the c side',
  'danilo driver core',
  'the experiment is over',
  'c veteran 35 years',
  'the standard library is split into three parts core alloc and std',
  'completion based io uring in tokio and user space',
  'craig backport the fix to the stable releases',
  'schedulers written in bpf for steam boxes',
  'klint checks if you call something that sleeps',
];
const WARM_UP_ROUNDS = 3;
const ROUNDS = 7;
const LIMIT = 50;

function keystrokes(): string[] {
  return QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

function quantile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) ?? 0 };
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * samples[round][keystroke] in milliseconds. Every round's search is made before any is timed,
 * so no index is built or thrown away while typing: pauses then are the keystrokes' own.
 */
function measure(
  make: () => (query: string) => unknown,
  typed: string[],
  rounds: number,
  onStart = () => {},
) {
  const samples: number[][] = [];
  const runs = Array.from({ length: rounds }, make);
  // The new searches settle where a long-lived one would be (old space) before typing starts.
  collectGarbage();
  onStart();
  for (const run of runs) {
    const times: number[] = [];
    for (const query of typed) {
      const t0 = performance.now();
      run(query);
      times.push(performance.now() - t0);
    }
    samples.push(times);
  }
  return samples;
}

/**
 * Each keystroke's median over the rounds (its own cost, whatever else the machine did): the
 * worst of them, and their p95.
 */
function keystrokeMedians(samples: number[][], typed: string[]) {
  const medians = typed.map((query, k) => {
    const times = samples.map((round) => round[k] as number).sort((a, b) => a - b);
    return { query, ms: quantile(times, 0.5) };
  });
  const worst = medians.reduce((a, b) => (b.ms > a.ms ? b : a));
  const sorted = medians.map((m) => m.ms).sort((a, b) => a - b);
  return { worst, p95: quantile(sorted, 0.95) };
}

const episode = loadEpisode();
const round = (n: number) => Math.round(n * 10000) / 10000;

/** Ours with its index built (and nothing else run), as after `warm()` minus the warm-up. */
function ours(): Engine {
  const engine = createEpisodeSearch(episode);
  engine.search('', 1); // builds the index: an empty query searches nothing
  return (query, limit) => engine.search(query, limit);
}

const MAKERS: Record<string, () => Engine> = {
  ours,
  fuse: () => createFuseEngine(episode),
  minisearch: () => createMiniSearchEngine(episode),
};

/** In a fresh process: index build and first keystroke, before anything else has run. */
function cold(name: string) {
  const first = QUERIES[0]?.slice(0, 1) ?? 'r';
  const t0 = performance.now();
  if (name === 'ours-warm') {
    const engine = createEpisodeSearch(episode);
    engine.warm();
    const t1 = performance.now();
    engine.search(first, LIMIT);
    return { buildMs: t1 - t0, firstKeystrokeMs: performance.now() - t1 };
  }
  if (name === 'ours-lazy') {
    // No warm(): the first keystroke builds the index itself.
    const engine = createEpisodeSearch(episode);
    engine.search(first, LIMIT);
    const t1 = performance.now();
    const fresh = createEpisodeSearch(episode);
    const t2 = performance.now();
    fresh.search('', 1);
    return { buildMs: performance.now() - t2, firstKeystrokeMs: t1 - t0 };
  }
  const engine = (MAKERS[name] as () => Engine)();
  const t1 = performance.now();
  engine(first, LIMIT);
  return { buildMs: t1 - t0, firstKeystrokeMs: performance.now() - t1 };
}

const coldAt = process.argv.indexOf('--cold');
if (coldAt >= 0) {
  console.log(JSON.stringify(cold(process.argv[coldAt + 1] ?? '')));
  process.exit(0);
}

/** Median over a few fresh processes, each measuring one engine's cold start. */
function coldFigures(name: string, runs = 3) {
  const results = Array.from({ length: runs }, () => {
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, process.argv[1] as string, '--cold', name],
      {
        encoding: 'utf8',
      },
    );
    return JSON.parse(out.trim().split('\n').at(-1) as string) as {
      buildMs: number;
      firstKeystrokeMs: number;
    };
  });
  const median = (xs: number[]) =>
    quantile(
      [...xs].sort((a, b) => a - b),
      0.5,
    );
  return {
    buildMs: round(median(results.map((r) => r.buildMs))),
    firstKeystrokeMs: round(median(results.map((r) => r.firstKeystrokeMs))),
  };
}

const splitAt = process.argv.indexOf('--split');
const qualitySplit = splitAt >= 0 && process.argv[splitAt + 1] === 'dev' ? 'dev' : 'test';
const typed = keystrokes();
const pauses: number[] = [];
let typingSince = Number.POSITIVE_INFINITY;
let typingEnded = Number.POSITIVE_INFINITY;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (entry.startTime >= typingSince && entry.startTime <= typingEnded)
      pauses.push(entry.duration);
});
observer.observe({ entryTypes: ['gc'] });

const figures: Record<string, Record<string, number | string>> = {};
for (const [name, make] of Object.entries(MAKERS)) {
  const newRun = () => {
    const engine = make();
    return (query: string) => engine(query, LIMIT);
  };
  // Plain fuse.js costs milliseconds a keystroke: one round of each says enough of it.
  const slow = name === 'fuse';
  measure(newRun, typed, slow ? 1 : WARM_UP_ROUNDS);
  const samples = measure(newRun, typed, slow ? 1 : ROUNDS, () => {
    if (name === 'ours') typingSince = performance.now();
  });
  if (name === 'ours') typingEnded = performance.now();
  const all = stats(samples.flat());
  const keys = keystrokeMedians(samples, typed);
  const quality = score(make(), SPLITS[qualitySplit]);
  figures[name] = {
    p50Ms: round(all.p50),
    p95Ms: round(all.p95),
    maxMs: round(all.max),
    keystrokeP95Ms: round(keys.p95),
    worstKeystrokeMedianMs: round(keys.worst.ms),
    worstKeystroke: keys.worst.query,
    testRecall3: quality.recall3,
    testNoResults: quality.noResults,
  };
}
await new Promise((resolve) => setTimeout(resolve, 0)); // lets the observer report
observer.disconnect();
const ourFigures = figures.ours as Record<string, number | string>;
ourFigures.gcPauses = pauses.length;
ourFigures.gcLongestMs = round(Math.max(0, ...pauses));
for (const [name, key] of [
  ['ours', 'ours-lazy'],
  ['ours', 'ours-warm'],
  ['fuse', 'fuse'],
  ['minisearch', 'minisearch'],
] as const) {
  const c = coldFigures(key);
  const target = figures[name] as Record<string, number | string>;
  const suffix = key === 'ours-warm' ? 'AfterWarm' : '';
  target[`coldFirstKeystroke${suffix}Ms`] = c.firstKeystrokeMs;
  target[`${key === 'ours-warm' ? 'warm' : 'indexBuild'}Ms`] = c.buildMs;
}
const summary = {
  keystrokes: typed.length,
  rounds: ROUNDS,
  ...figures,
  heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1e5) / 10,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(summary));
else {
  console.log(
    `${typed.length} keystrokes over ${QUERIES.length} queries, ${ROUNDS} rounds after warm-up (fuse: 1 and 1), each into a new engine with its index built`,
  );
  const cols = ['ours', 'fuse', 'minisearch'];
  const row = (label: string, key: string) =>
    console.log(
      `${label.padEnd(44)}${cols.map((c) => String(figures[c]?.[key] ?? '').padStart(12)).join('')}`,
    );
  console.log(`${''.padEnd(44)}${cols.map((c) => c.padStart(12)).join('')}`);
  row('p50 per keystroke (ms)', 'p50Ms');
  row('p95 per keystroke (ms)', 'p95Ms');
  row('max per keystroke (ms)', 'maxMs');
  row("p95 of each keystroke's median (ms)", 'keystrokeP95Ms');
  row('worst keystroke, median of its rounds (ms)', 'worstKeystrokeMedianMs');
  row('index build, fresh process (ms)', 'indexBuildMs');
  row('cold first keystroke, fresh process (ms)', 'coldFirstKeystrokeMs');
  row('  ours: warm() in idle time (ms)', 'warmMs');
  row('  ours: first keystroke after warm() (ms)', 'coldFirstKeystrokeAfterWarmMs');
  row(`${qualitySplit} split recall@3`, 'testRecall3');
  row(`${qualitySplit} split queries with no results`, 'testNoResults');
  console.log(
    `ours: worst keystroke ${JSON.stringify(ourFigures.worstKeystroke)}; collector pauses while typing ${ourFigures.gcPauses}, longest ${ourFigures.gcLongestMs} ms`,
  );
  console.log(
    'cold (ours): the first keystroke without warm() builds the index itself; with warm() it costs what a warm one does',
  );
}
