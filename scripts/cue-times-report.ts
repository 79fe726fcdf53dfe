/**
 * How far the old sentence times (interpolated by word position over the whole turn) are from the
 * times a timed transcript's cues give (the cue a sentence starts in, refined by word position).
 * Usage: npm run -s times:report [-- --json] [FILE …]   (default: the Name: WebVTT test fixture)
 * Speakers are the packaged episode's people, as for `npm run ingest -- --transcript FILE`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Episode } from '../lib/episode/schema';
import { compareWithInterpolated } from '../lib/ingest/cue-times';
import { importTranscript } from '../lib/ingest/formats/detect';
import { DEFAULT_EPISODE_DIR } from '../lib/ingest/ingest';
import { formatTime } from '../lib/time';

const root = resolve(import.meta.dirname, '..');
const episode = JSON.parse(
  readFileSync(resolve(root, DEFAULT_EPISODE_DIR, 'episode.generated.json'), 'utf8'),
) as Episode;
const speakers = new Map(
  episode.people.flatMap((p) => [p.name, p.shortName, p.id].map((n) => [n, p.id] as const)),
);
const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json');
if (files.length === 0) files.push('tests/fixtures/transcripts/name-prefix.vtt');

const reports = files.map((file) => {
  const { turns, format } = importTranscript(readFileSync(resolve(file), 'utf8'), file, {
    speakers,
  });
  return { file, format, turns: turns.length, ...compareWithInterpolated(turns) };
});

if (json) {
  console.log(JSON.stringify(reports, null, 2));
} else {
  for (const r of reports) {
    console.log(
      `${r.file} (${r.format}, ${r.turns} turns): ${r.sentences} sentences after a turn's first; ` +
        `interpolated starts are off from cue times by ${r.meanSeconds} s on average, ` +
        `median ${r.medianSeconds} s, 90th percentile ${r.p90Seconds} s, at most ${r.maxSeconds} s`,
    );
    if (r.worst) {
      const w = r.worst;
      console.log(
        `  worst: turn ${w.turn + 1}, "${w.text}": cue ${formatTime(w.cue)} (${w.cue} s), ` +
          `interpolated ${w.interpolated} s`,
      );
    }
  }
}
