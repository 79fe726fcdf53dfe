import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEpisode } from '@/lib/episode/packaged';
import { compareWithInterpolated } from '@/lib/ingest/cue-times';
import { importTranscript } from '@/lib/ingest/formats/detect';

const FIXTURE = 'tests/fixtures/transcripts/name-prefix.vtt';
const episode = loadEpisode();
const speakers = new Map(
  episode.people.flatMap((p) => [p.name, p.shortName, p.id].map((n) => [n, p.id] as const)),
);

describe('cue times against times interpolated over the turn', () => {
  const { turns } = importTranscript(readFileSync(FIXTURE, 'utf8'), FIXTURE, { speakers });

  it('measures every sentence after a turn’s first, worst first where a pause breaks the pace', () => {
    const report = compareWithInterpolated(turns);
    expect(report).toMatchObject({
      sentences: 6,
      meanSeconds: 0.251,
      medianSeconds: 0.15,
      p90Seconds: 0.62,
      maxSeconds: 0.62,
    });
    // Greg's second sentence starts its own cue at 13 s; spread over the turn it would be 12.38 s.
    expect(report.worst).toMatchObject({
      cue: 13,
      interpolated: 12.38,
      text: 'I just said yes, and it was easy to say yes.',
    });
  });

  it('is zero for turns whose sentences were interpolated in the first place (the package)', () => {
    expect(compareWithInterpolated(episode.transcript.turns).maxSeconds).toBeLessThanOrEqual(0.01);
  });

  it('npm run times:report prints the figures', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/cue-times-report.ts', '--json'], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ file: FIXTURE, format: 'webvtt', turns: 6 });
  }, 30_000);
});
