/**
 * npm run ingest [-- --page FILE --facts FILE --out FILE]
 * Rebuilds the packaged episode JSON from its sources. On any error: "file:line: what is wrong"
 * on stderr, exit code 1, and the output file is left untouched.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_EPISODE_DIR, ingest, writeFileAtomic } from '../lib/ingest';

function main(): number {
  let values: { page?: string; facts?: string; out?: string };
  try {
    ({ values } = parseArgs({
      options: {
        page: { type: 'string' },
        facts: { type: 'string' },
        out: { type: 'string' },
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
    const result = ingest(page, facts);
    writeFileAtomic(out, result.json);
    process.stdout.write(`ingest: ${result.summary} -> ${out}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main();
