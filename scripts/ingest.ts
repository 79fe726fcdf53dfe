/**
 * npm run ingest [-- --page FILE --facts FILE --out FILE --transcript FILE --chapters FILE]
 * Rebuilds the packaged episode JSON from its sources. --transcript takes a timed transcript instead
 * of the page's: WebVTT (voice tags and/or `Name:` prefixes), SRT (`Name:` prefixes) or Podcasting
 * 2.0 JSON, chosen by content; --chapters a chapters file (the curated format or Podcasting 2.0
 * chapters JSON, v1.2 fields included) instead of chapters.json beside the page. On any error:
 * "file:line: what is wrong" on stderr, exit code 1, and the output file is left untouched.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_EPISODE_DIR, ingest, writeFileAtomic } from '../lib/ingest/ingest';

function main(): number {
  let values: {
    page?: string;
    facts?: string;
    out?: string;
    transcript?: string;
    chapters?: string;
  };
  try {
    ({ values } = parseArgs({
      options: {
        page: { type: 'string' },
        facts: { type: 'string' },
        out: { type: 'string' },
        transcript: { type: 'string' },
        chapters: { type: 'string' },
      },
    }));
  } catch (e) {
    process.stderr.write(`ingest: ${(e as Error).message}\n`);
    return 1;
  }
  const page = values.page ?? join(DEFAULT_EPISODE_DIR, 'page.txt');
  const facts = values.facts ?? join(DEFAULT_EPISODE_DIR, 'facts.json');
  const out = values.out ?? join(DEFAULT_EPISODE_DIR, 'episode.generated.json');
  try {
    const result = ingest(page, facts, {
      transcript: values.transcript,
      chapters: values.chapters,
    });
    writeFileAtomic(out, result.json);
    process.stdout.write(`ingest: ${result.summary} -> ${out}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main();
