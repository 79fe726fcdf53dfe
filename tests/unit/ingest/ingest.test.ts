import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPodcastChapters, toPodcastTranscript } from '@/lib/episode/export';
import { parseEpisode } from '@/lib/episode/schema';
import { DEFAULT_EPISODE_DIR, ingest } from '@/lib/ingest/ingest';

const PAGE = join(DEFAULT_EPISODE_DIR, 'page.txt');
const FACTS = join(DEFAULT_EPISODE_DIR, 'facts.json');
const PACKAGED = join(DEFAULT_EPISODE_DIR, 'episode.generated.json');
const page = readFileSync(PAGE, 'utf8');
const facts = readFileSync(FACTS, 'utf8');

/** A copy of the episode's sources (curated files included) with the page or facts changed. */
function sourcesWith(change: {
  page?: (text: string) => string;
  facts?: (text: string) => string;
}) {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
  cpSync(DEFAULT_EPISODE_DIR, dir, { recursive: true });
  const pagePath = join(dir, 'page.txt');
  const factsPath = join(dir, 'facts.json');
  if (change.page) writeFileSync(pagePath, change.page(page));
  if (change.facts) writeFileSync(factsPath, change.facts(facts));
  return { dir, pagePath, factsPath };
}

/** 1-based line of the first line equal to `line` after the `after`-th line of the page. */
function lineNumber(text: string, line: string, after = 0): number {
  return text.split('\n').findIndex((l, i) => i >= after && l === line) + 1;
}

/** Tests that run the CLI through npx tsx: a few seconds each, more when the suite runs in parallel. */
const CLI_TIMEOUT = 30_000;

const turnListStart = page.split('\n').indexOf('00:01:16') - 1;

describe('ingest', () => {
  it('the committed package is exactly a fresh ingest of the committed sources', () => {
    expect(ingest(PAGE, FACTS).json).toBe(readFileSync(PACKAGED, 'utf8'));
  });

  it('the committed package matches the schema', () => {
    expect(() => parseEpisode(JSON.parse(readFileSync(PACKAGED, 'utf8')))).not.toThrow();
  });

  it.each([
    [
      'a missing Transcript heading',
      (t: string) => t.replace('\nTranscript\n', '\nTranscrpt\n'),
      /page\.txt(:\d+)?: .*Transcript/,
      undefined,
    ],
    [
      'an impossible time',
      (t: string) => t.replace('Greg\n00:01:40\n', 'Greg\n00:61:40\n'),
      /page\.txt:(\d+): /,
      lineNumber(page, '00:01:40', turnListStart),
    ],
    [
      'a backwards time',
      (t: string) => t.replace('Greg\n00:01:40\n', 'Greg\n00:00:40\n'),
      /page\.txt:(\d+): /,
      lineNumber(page, '00:01:40', turnListStart),
    ],
    [
      'a speaker not in the episode',
      (t: string) => t.replace('Alice\n00:01:16\n', 'Linus\n00:01:16\n'),
      /page\.txt:(\d+): .*Linus/,
      turnListStart + 1,
    ],
    [
      'a speaker without a time',
      (t: string) => t.replace('Matthias\n00:01:34\n', 'Matthias\n'),
      /page\.txt:(\d+): /,
      undefined,
    ],
    [
      'a link with no known address',
      (t: string) =>
        t.replace('\nOfficial Links\n', '\n- Made-up Link - not in facts\nOfficial Links\n'),
      /page\.txt:(\d+): .*Made-up Link/,
      lineNumber(page, 'Official Links'),
    ],
    [
      'a truncated file',
      (t: string) => t.slice(0, Math.floor(t.length / 2)),
      /page\.txt/,
      undefined,
    ],
  ])('%s stops with the file and line', (_, change, message, line) => {
    const { pagePath, factsPath } = sourcesWith({ page: change });
    let error: Error | undefined;
    try {
      ingest(pagePath, factsPath);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(message);
    if (line !== undefined) expect(error?.message.match(message)?.[1]).toBe(String(line));
  });

  it('a link address that is not http(s) stops the build, naming facts.json', () => {
    const { pagePath, factsPath } = sourcesWith({
      facts: (t) => t.replace('"Tokio": "https://tokio.rs/"', '"Tokio": "javascript:alert(1)"'),
    });
    expect(() => ingest(pagePath, factsPath)).toThrow(/facts\.json.*(https?|http)/s);
  });

  it(
    'the CLI exits non-zero, names the file and line, and writes nothing',
    () => {
      const { dir, pagePath, factsPath } = sourcesWith({
        page: (t) => t.replace('Alice\n00:01:16\n', 'Linus\n00:01:16\n'),
      });
      const out = join(dir, 'out.json');
      const run = spawnSync(
        'npx',
        ['tsx', 'scripts/ingest.ts', '--page', pagePath, '--facts', factsPath, '--out', out],
        {
          encoding: 'utf8',
        },
      );
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(new RegExp(`page\\.txt:${turnListStart + 1}: `));
      expect(existsSync(out)).toBe(false);

      // An earlier good output stays exactly as it was.
      writeFileSync(out, 'previous');
      spawnSync('npx', [
        'tsx',
        'scripts/ingest.ts',
        '--page',
        pagePath,
        '--facts',
        factsPath,
        '--out',
        out,
      ]);
      expect(readFileSync(out, 'utf8')).toBe('previous');
    },
    CLI_TIMEOUT,
  );

  it(
    'accepts a Podcasting 2.0 JSON transcript and chapters JSON in place of the page’s',
    () => {
      const packaged = parseEpisode(JSON.parse(readFileSync(PACKAGED, 'utf8')));
      const dir = mkdtempSync(join(tmpdir(), 'ingest-open-'));
      const transcript = join(dir, 'transcript.json');
      const chapters = join(dir, 'chapters.json');
      writeFileSync(transcript, toPodcastTranscript(packaged));
      writeFileSync(chapters, toPodcastChapters(packaged));
      const out = join(dir, 'episode.json');
      const run = spawnSync(
        'npx',
        [
          'tsx',
          'scripts/ingest.ts',
          '--transcript',
          transcript,
          '--chapters',
          chapters,
          '--out',
          out,
        ],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      const rebuilt = parseEpisode(JSON.parse(readFileSync(out, 'utf8')));
      expect(rebuilt.transcript).toEqual(packaged.transcript);
      expect(rebuilt.chapters).toEqual(packaged.chapters);
      expect(rebuilt.links).toEqual(packaged.links);

      // A segment by someone who is not in the episode stops it at the segment's line.
      writeFileSync(
        transcript,
        toPodcastTranscript(packaged).replace('"Alice Ryhl"', '"Alice R."'),
      );
      expect(() => ingest(PAGE, FACTS, { transcript })).toThrow(
        /transcript\.json:\d+: speaker "Alice R\." is not in the episode/,
      );
    },
    CLI_TIMEOUT,
  );

  it(
    'the transcript tool prints every turn in order with speaker names and exact words',
    () => {
      const printed = JSON.parse(
        execFileSync('npx', ['tsx', 'scripts/transcript.ts', '--json'], { encoding: 'utf8' }),
      ) as Array<{ speaker: string; start: number; text: string }>;
      const episode = parseEpisode(JSON.parse(readFileSync(PACKAGED, 'utf8')));
      expect(printed).toHaveLength(episode.transcript.turns.length);
      expect(printed[0]).toMatchObject({ speaker: 'Matthias Endler', start: 0 });
      expect(printed.map((t) => t.start)).toEqual(episode.transcript.turns.map((t) => t.start));
      expect(printed.some((t) => t.text.includes('Coconut yeah exactly'))).toBe(true);
    },
    CLI_TIMEOUT,
  );
});
