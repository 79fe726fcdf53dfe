/**
 * npm run -s transcript [-- --json]
 * Prints the packaged transcript: a JSON array of turns { speaker, start, text } with --json,
 * otherwise a readable "[M:SS] Name: text" listing.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseEpisode } from '../lib/episode/schema';
import { DEFAULT_EPISODE_DIR } from '../lib/ingest/ingest';
import { formatTime } from '../lib/time';

// `| head` closes the pipe early; that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, file: { type: 'string' } },
});
const file = values.file ?? `${DEFAULT_EPISODE_DIR}/episode.generated.json`;
const episode = parseEpisode(JSON.parse(readFileSync(file, 'utf8')));
const names = new Map(episode.people.map((p) => [p.id, p.name]));
const turns = episode.transcript.turns.map((t) => ({
  speaker: names.get(t.speaker) ?? t.speaker,
  start: t.start,
  text: t.sentences.map((s) => s.text).join(' '),
}));

if (values.json) {
  process.stdout.write(`${JSON.stringify(turns, null, 2)}\n`);
} else {
  for (const t of turns) process.stdout.write(`[${formatTime(t.start)}] ${t.speaker}: ${t.text}\n`);
}
