/**
 * The episode's own transcript written out in each style a host publishes, then ingested with
 * --transcript: it must come back as the same turns (speakers, starts within 0.5 s, words).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPodcastTranscript, toWebVtt, vttTimestamp } from '@/lib/episode/export';
import { type Episode, parseEpisode } from '@/lib/episode/schema';
import { DEFAULT_EPISODE_DIR, ingest } from '@/lib/ingest/ingest';

const PAGE = join(DEFAULT_EPISODE_DIR, 'page.txt');
const FACTS = join(DEFAULT_EPISODE_DIR, 'facts.json');
const episode = parseEpisode(
  JSON.parse(readFileSync(join(DEFAULT_EPISODE_DIR, 'episode.generated.json'), 'utf8')),
);

interface Caption {
  start: number;
  end: number;
  lines: string[];
}

/** Wraps words into caption lines of at most `width` characters. */
function wrap(words: readonly string[], width = 37): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(word);
  }
  return lines;
}

/**
 * Caption cues as a captioning tool makes them: at most 12 words each (so long sentences span
 * cues, wrapped over two or more lines), timed by word position inside each sentence, and the
 * speaker's name and a colon only on the cue where the speaker changes.
 */
function captions(ep: Episode, name: (id: string) => string): Caption[] {
  const out: Caption[] = [];
  let previous: string | undefined;
  for (const turn of ep.transcript.turns) {
    turn.sentences.forEach((sentence, i) => {
      const end = turn.sentences[i + 1]?.start ?? turn.end;
      const words = sentence.text.split(' ');
      for (let at = 0; at < words.length; at += 12) {
        const piece = words.slice(at, at + 12);
        const time = (w: number) => sentence.start + ((end - sentence.start) * w) / words.length;
        if (turn.speaker !== previous) piece[0] = `${name(turn.speaker)}: ${piece[0]}`;
        previous = turn.speaker;
        out.push({ start: time(at), end: time(at + piece.length), lines: wrap(piece) });
      }
    });
  }
  return out;
}

const fullName = (id: string) => episode.people.find((p) => p.id === id)?.name ?? id;
const firstName = (id: string) => episode.people.find((p) => p.id === id)?.shortName ?? id;

function namedVtt(ep: Episode): string {
  const cues = captions(ep, fullName).map(
    (c, i) =>
      `${i + 1}\n${vttTimestamp(c.start)} --> ${vttTimestamp(c.end)} line:85%\n` +
      c.lines.map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;')).join('\n'),
  );
  return `WEBVTT\n\nNOTE written by the round-trip test\n\n${cues.join('\n\n')}\n`;
}

function namedSrt(ep: Episode): string {
  const time = (t: number) => vttTimestamp(t).replace('.', ',');
  const cues = captions(ep, firstName).map(
    (c, i) => `${i + 1}\n${time(c.start)} --> ${time(c.end)}\n${c.lines.join('\n')}`,
  );
  return `${cues.join('\n\n')}\n`;
}

const styles: Array<[string, string, (ep: Episode) => string]> = [
  ['WebVTT with voice tags', 'transcript.vtt', toWebVtt],
  ['WebVTT with Full Name: prefixes, wrapped', 'transcript.vtt', namedVtt],
  ['SRT with Name: prefixes, wrapped', 'transcript.srt', namedSrt],
  ['Podcasting 2.0 JSON', 'transcript.json', toPodcastTranscript],
];

const words = (ep: Episode) =>
  ep.transcript.turns.map((t) => t.sentences.map((s) => s.text).join(' '));

function expectSameTurns(rebuilt: Episode) {
  const { turns } = rebuilt.transcript;
  expect(turns).toHaveLength(153);
  expect(turns.map((t) => t.speaker)).toEqual(episode.transcript.turns.map((t) => t.speaker));
  turns.forEach((t, i) => {
    expect(Math.abs(t.start - episode.transcript.turns[i]!.start)).toBeLessThanOrEqual(0.5);
  });
  expect(words(rebuilt)).toEqual(words(episode));
}

describe('the episode’s transcript, written out in each style, ingests back to the same turns', () => {
  it.each(styles)('%s', (_, name, write) => {
    const dir = mkdtempSync(join(tmpdir(), 'round-trip-'));
    const path = join(dir, name);
    const text = write(episode);
    writeFileSync(path, text);
    const rebuilt = ingest(PAGE, FACTS, { transcript: path }).episode;
    expectSameTurns(rebuilt);
    // Sentence starts come from the cues, so they survive too (to the millisecond of the files).
    rebuilt.transcript.turns.forEach((t, i) => {
      t.sentences.forEach((s, k) => {
        const packaged = episode.transcript.turns[i]!.sentences[k]!.start;
        expect(Math.abs(s.start - packaged)).toBeLessThanOrEqual(0.01);
      });
    });
    expect(rebuilt.chapters).toEqual(episode.chapters);
  });

  it('the Name: styles are what they claim: prefixes only at changes, lines wrapped', () => {
    const vtt = namedVtt(episode);
    expect(vtt).toContain('\nAlice Ryhl: ');
    expect(vtt.match(/^(Matthias Endler|Alice Ryhl|Greg Kroah-Hartman): /gm)).toHaveLength(153);
    const srt = namedSrt(episode);
    expect(srt.match(/^(Matthias|Alice|Greg): /gm)).toHaveLength(153);
    expect(srt).toMatch(/\d,\d{3}\n[^\n]+\n[^\n\d][^\n]*\n\n/);
  });

  it.each([
    ['transcript.vtt', namedVtt],
    ['transcript.srt', namedSrt],
  ])(
    'the CLI takes %s with --transcript',
    (name, write) => {
      const dir = mkdtempSync(join(tmpdir(), 'round-trip-cli-'));
      const transcript = join(dir, name);
      const out = join(dir, 'episode.json');
      writeFileSync(transcript, write(episode));
      const run = spawnSync(
        'npx',
        ['tsx', 'scripts/ingest.ts', '--transcript', transcript, '--out', out],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^ingest: 153 turns, /);
      expectSameTurns(parseEpisode(JSON.parse(readFileSync(out, 'utf8'))));
    },
    30_000,
  );
});
