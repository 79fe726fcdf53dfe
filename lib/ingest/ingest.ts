/**
 * File side of the data build: reads an episode's sources (page, facts and the curated files
 * beside the page), builds and validates the Episode, and writes it atomically so that a failed
 * run never leaves a partial or stale-looking file behind.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Episode } from '../episode/schema';
import { buildEpisode } from './build-episode';
import type { EpisodeSources, SourceFile } from './episode-sources';
import { slugify } from './slug';
import { SourceError } from './source-error';

export const DEFAULT_EPISODE_DIR = 'assets/episodes/rust-for-linux';

/** Curated files looked up beside the page file. */
export const CURATED_FILES = {
  pins: 'turn-pins.json',
  links: 'links.json',
  people: 'people.json',
  chapters: 'chapters.json',
} as const;

/** Sources given on the command line instead of the page's or the curated ones. */
export interface IngestOptions {
  /** WebVTT, SRT or Podcasting 2.0 JSON transcript (chosen by content), replacing the page's. */
  transcript?: string;
  /** Chapters (curated format or Podcasting 2.0 chapters JSON), replacing chapters.json. */
  chapters?: string;
}

/** Paths in messages are relative to the working directory, as editors expect for file:line. */
function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function read(path: string): SourceFile {
  try {
    return { file: display(path), text: readFileSync(path, 'utf8') };
  } catch (e) {
    throw new SourceError(display(path), undefined, `cannot read: ${(e as Error).message}`);
  }
}

function readIfPresent(path: string): SourceFile | undefined {
  return existsSync(path) ? read(path) : undefined;
}

export function readSources(
  pagePath: string,
  factsPath: string,
  options: IngestOptions = {},
): EpisodeSources {
  const dir = dirname(pagePath);
  const curated = (name: string) => readIfPresent(join(dir, name));
  const people = curated(CURATED_FILES.people);
  const links = curated(CURATED_FILES.links);
  return {
    id: slugify(basename(dir)) || 'episode',
    page: read(pagePath),
    facts: read(factsPath),
    pins: curated(CURATED_FILES.pins),
    links,
    people,
    chapters: options.chapters ? read(options.chapters) : curated(CURATED_FILES.chapters),
    transcript: options.transcript ? read(options.transcript) : undefined,
  };
}

/** Deterministic JSON: the build emits keys in schema order; two-space indent, final newline. */
export function renderEpisode(episode: Episode): string {
  return `${JSON.stringify(episode, null, 2)}\n`;
}

export interface IngestResult {
  episode: Episode;
  json: string;
  summary: string;
}

export function ingest(
  pagePath: string,
  factsPath: string,
  options: IngestOptions = {},
): IngestResult {
  const sources = readSources(pagePath, factsPath, options);
  const dir = dirname(pagePath);
  if (!sources.people) {
    throw new SourceError(display(join(dir, CURATED_FILES.people)), undefined, 'missing file');
  }
  const episode = buildEpisode(sources);
  const json = renderEpisode(episode);
  const turns = episode.transcript.turns;
  const sentences = turns.reduce((n, t) => n + t.sentences.length, 0);
  const bytes = Buffer.byteLength(json);
  const gzip = gzipSync(json, { level: 9 }).length;
  const summary =
    `${turns.length} turns, ${sentences} sentences, ${episode.links.length} links, ` +
    `${episode.chapters?.length ?? 0} chapters, ` +
    `${bytes} bytes (${gzip} gzip)`;
  return { episode, json, summary };
}

/** Writes beside the target and renames, so readers see the old file or the whole new one. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
