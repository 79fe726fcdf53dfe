/**
 * `npm run bench [-- --json]`: types realistic queries one keystroke at a time into the sidebar's
 * search and, in the same run, into a plain lower-case `includes` scan over the same sentences;
 * prints per-keystroke median, p95 and max for both.
 */
import { createEpisodeSearch } from '../lib/episode-search';
import { loadEpisode } from '../lib/packaged-episode';

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

function keystrokes(): string[] {
  return QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

function measure(run: (query: string) => unknown, typed: string[], rounds: number): number[] {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const query of typed) {
      const t0 = performance.now();
      run(query);
      samples.push(performance.now() - t0);
    }
  return samples;
}

const episode = loadEpisode();
const buildStart = performance.now();
const search = createEpisodeSearch(episode);
const buildMs = performance.now() - buildStart;
const sentences = episode.transcript.turns.flatMap((t) =>
  t.sentences.map((s) => s.text.toLowerCase()),
);
const scan = (query: string) => {
  const needle = query.toLowerCase();
  return sentences.filter((s) => s.includes(needle));
};
const typed = keystrokes();
// Warm up both so the JIT has compiled them before anything is timed.
measure((q) => search.search(q, 50), typed, 3);
measure(scan, typed, 3);
const engine = stats(measure((q) => search.search(q, 50), typed, 5));
const plain = stats(measure(scan, typed, 5));
const longKeys = typed.filter((q) => q.length > 32);
const long = stats(measure((q) => search.search(q, 50), longKeys, 5));
const round = (n: number) => Math.round(n * 10000) / 10000;
const figures = {
  keystrokes: typed.length,
  p50Ms: round(engine.p50),
  p95Ms: round(engine.p95),
  maxMs: round(engine.max),
  over32P95Ms: round(long.p95),
  scanP50Ms: round(plain.p50),
  scanP95Ms: round(plain.p95),
  scanMaxMs: round(plain.max),
  p95VsScan: round(engine.p95 / plain.p95),
  indexBuildMs: round(buildMs),
  heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1e5) / 10,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
else {
  console.log(`${typed.length} keystrokes over ${QUERIES.length} queries, 5 rounds after warm-up`);
  console.log(`search  p50 ${figures.p50Ms} ms  p95 ${figures.p95Ms} ms  max ${figures.maxMs} ms`);
  console.log(`  queries over 32 characters: p95 ${figures.over32P95Ms} ms`);
  console.log(
    `scan    p50 ${figures.scanP50Ms} ms  p95 ${figures.scanP95Ms} ms  max ${figures.scanMaxMs} ms`,
  );
  console.log(
    `p95 ratio search/scan: ${figures.p95VsScan}×; index built in ${figures.indexBuildMs} ms`,
  );
}
