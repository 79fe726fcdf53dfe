import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importWebVtt as importVtt } from '@/lib/ingest/formats/webvtt';

const sample = readFileSync(new URL('../../fixtures/short-episode.vtt', import.meta.url), 'utf8');

describe('WebVTT with voice tags', () => {
  const { turns } = importVtt(sample, 'short-episode.vtt');

  it('merges consecutive cues of one speaker into a turn, with or without closing tags', () => {
    expect(turns.map((t) => [t.speaker, t.start, t.end])).toEqual([
      ['matthias-endler', 0, 7.5],
      ['greg-kroah-hartman', 7.5, 12],
      ['alice-ryhl', 12, 15],
    ]);
  });

  it('keeps the words, decodes entities, drops markup, and times sentences inside the cues', () => {
    expect(turns[0]?.sentences).toEqual([
      { start: 0, text: 'Welcome to Rust in Production.' },
      { start: 2, text: "Dr. Smith is not here, so it's just us & the audience." },
    ]);
    expect(turns[1]?.sentences[0]?.text).toBe('Rust is gonna save the kernel, e.g. drivers first.');
    expect(turns[2]?.sentences[0]?.text).toBe('Interop is the new rewrite.');
  });

  it('maps voice names to the episode’s people when given, and rejects unknown ones', () => {
    const speakers = new Map([
      ['Matthias Endler', 'matthias-endler'],
      ['Greg Kroah-Hartman', 'greg-kroah-hartman'],
    ]);
    expect(() => importVtt(sample, 'short-episode.vtt', { speakers })).toThrow(
      /short-episode\.vtt:\d+: .*Alice Ryhl/,
    );
  });

  it.each([
    ['no WEBVTT header', (t: string) => t.replace(/^WEBVTT[^\n]*/, 'VTT')],
    ['a malformed timestamp', (t: string) => t.replace('00:04.000 -->', '00:4.0 -->')],
    ['a cue ending before it starts', (t: string) => t.replace('--> 00:07.500', '--> 00:03.500')],
  ])('%s is an error naming the file and line', (_, change) => {
    expect(() => importVtt(change(sample), 'bad.vtt')).toThrow(/bad\.vtt:\d+: /);
  });
});
