/**
 * `npm run -s search -- [--json] [--limit N] "query"`: the sidebar's own search from the command
 * line, for maintainers and checks.
 */
import { parseArgs } from 'node:util';
import { loadEpisode } from '../lib/episode/packaged';
import { createEpisodeSearch } from '../lib/search/episode-search';
import { formatTime } from '../lib/time';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean' }, limit: { type: 'string', default: '10' } },
});
const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1) {
  console.error(`search: --limit must be a positive whole number, got "${values.limit}"`);
  process.exit(2);
}
const episode = loadEpisode();
const names = new Map(episode.people.map((p) => [p.id, p.name]));
const hits = createEpisodeSearch(episode).search(positionals.join(' '), limit);
const rows = hits.map((h) => ({
  speaker: names.get(h.speaker) ?? h.speaker,
  start: h.start,
  text: h.text,
}));
if (values.json) console.log(JSON.stringify(rows, null, 2));
else if (rows.length === 0) console.log('No results.');
else
  for (const [i, row] of rows.entries()) {
    const corrections = hits[i]?.corrections.map((c) => `${c.heard} → ${c.meant}`).join(', ');
    console.log(
      `[${formatTime(row.start)}] ${row.speaker}: ${row.text}${corrections ? `  (${corrections})` : ''}`,
    );
  }
