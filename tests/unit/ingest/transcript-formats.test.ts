import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEpisode } from '@/lib/episode/packaged';
import { detectFormat, importTranscript } from '@/lib/ingest/formats/detect';
import { importPodcastTranscript } from '@/lib/ingest/formats/podcast-json';
import { importSrt } from '@/lib/ingest/formats/srt';
import { importWebVtt } from '@/lib/ingest/formats/webvtt';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/transcripts/${name}`, import.meta.url), 'utf8');

const episode = loadEpisode();
/** Names as the ingest maps them: full name, first name and id, each to the person's id. */
const speakers = new Map(
  episode.people.flatMap((p) => [p.name, p.shortName, p.id].map((n) => [n, p.id] as const)),
);

/** The conversation both Name: fixtures hold (a change of speaker on a wrapped cue's 2nd line). */
const expectedTurns = [
  {
    speaker: 'matthias-endler',
    start: 0,
    end: 8,
    sentences: [
      { start: 0, text: 'Welcome to Rust in Production.' },
      { start: 1.75, text: "Today it's Rust for Linux." },
      { start: 3.5, text: 'Note: this was recorded in Paris.' },
      { start: 5.955, text: 'Greg, you started this, right?' },
    ],
  },
  {
    speaker: 'greg-kroah-hartman',
    start: 9.2,
    end: 18.045,
    sentences: [
      { start: 9.2, text: 'Not really, Alice and Miguel did most of it.' },
      { start: 13, text: 'I just said yes, and it was easy to say yes.' },
      { start: 16, text: 'And then we shipped it.' },
    ],
  },
  {
    speaker: 'alice-ryhl',
    start: 18.045,
    end: 20.5,
    sentences: [{ start: 18.045, text: 'He reviewed a lot of it.' }],
  },
  {
    speaker: 'matthias-endler',
    start: 20,
    end: 20,
    sentences: [{ start: 20, text: 'Mm-hmm.' }],
  },
  {
    speaker: 'alice-ryhl',
    start: 20.4,
    end: 26,
    sentences: [
      { start: 20.4, text: 'The first driver we merged was a small one.' },
      { start: 24.982, text: 'Nothing fancy.' },
    ],
  },
  {
    speaker: 'matthias-endler',
    start: 31,
    end: 35,
    sentences: [{ start: 31, text: 'Why a small one first?' }],
  },
];

describe('WebVTT with Name: prefixes', () => {
  it('reads speakers from prefixes, carries them over, joins wrapped lines, skips NOTE/STYLE', () => {
    expect(importWebVtt(fixture('name-prefix.vtt'), 'name-prefix.vtt', { speakers }).turns).toEqual(
      expectedTurns,
    );
  });

  it('keeps a prefix that names no one of the episode as text ("Note: …")', () => {
    const { turns } = importWebVtt(fixture('name-prefix.vtt'), 'n.vtt', { speakers });
    expect(turns[0]?.sentences.map((s) => s.text)).toContain('Note: this was recorded in Paris.');
  });

  it('mixes with voice tags, prefixes by id, and several voices in one cue', () => {
    const { turns } = importWebVtt(fixture('mixed.vtt'), 'mixed.vtt', { speakers });
    expect(turns.map((t) => [t.speaker, t.sentences.map((s) => s.text).join(' ')])).toEqual([
      ['matthias-endler', 'Welcome to Rust in Production.'],
      ['greg-kroah-hartman', 'Thanks. Alice, over to you?'],
      ['alice-ryhl', 'Sure & thanks.'],
      ['matthias-endler', 'Great.'],
      ['greg-kroah-hartman', 'Yes.'],
    ]);
    expect(turns.map((t) => t.start)).toEqual([0, 3.5, 6.313, 8, 9]);
  });
});

describe('SRT', () => {
  it('reads the same conversation as the WebVTT file: numbered cues, comma times, <i> dropped', () => {
    expect(importSrt(fixture('name-prefix.srt'), 'name-prefix.srt', { speakers }).turns).toEqual(
      expectedTurns,
    );
  });
});

describe('Podcasting 2.0 JSON', () => {
  it('takes the speaker from "speaker", a "Name:" body, or the previous segment', () => {
    const { turns } = importPodcastTranscript(fixture('segments.json'), 'segments.json', {
      speakers,
    });
    expect(
      turns.map((t) => [t.speaker, t.start, t.sentences.map((s) => s.text).join(' ')]),
    ).toEqual([
      ['matthias-endler', 0, 'Welcome to Rust in Production. Note: this was recorded in Paris.'],
      ['greg-kroah-hartman', 9.2, 'Not really, Alice and Miguel did most of it.'],
      ['alice-ryhl', 13, 'He reviewed a lot of it.'],
    ]);
  });
});

describe('format chosen by content', () => {
  it.each([
    ['name-prefix.vtt', 'transcript.txt', 'webvtt'],
    ['name-prefix.srt', 'transcript.txt', 'srt'],
    ['name-prefix.srt', 'transcript.vtt', 'srt'],
    ['segments.json', 'transcript', 'podcast-json'],
  ])('%s named %s is read as %s', (name, as, format) => {
    expect(detectFormat(fixture(name), as)).toBe(format);
    expect(importTranscript(fixture(name), as, { speakers }).format).toBe(format);
  });

  it('a WebVTT file without its header, named .vtt, is told so at line 1', () => {
    const headless = fixture('name-prefix.vtt').replace(/^WEBVTT[^\n]*\n/, '');
    expect(() => importTranscript(headless, 'cues.vtt', { speakers })).toThrow(
      'cues.vtt:1: not a WebVTT file (the first line must be "WEBVTT")',
    );
  });

  it('a file that is none of them stops at line 1, saying what is expected', () => {
    expect(() => importTranscript('Hello there.\n', 'notes.txt', { speakers })).toThrow(
      /^notes\.txt:1: not a transcript this ingest reads: expected WebVTT .* SRT .* JSON/,
    );
  });
});

describe('malformed files stop with file:line and what is wrong', () => {
  it.each([
    [
      'an unknown speaker prefix at the first cue',
      'unknown-first-speaker.vtt',
      'unknown-first-speaker.vtt:3: the first cue\'s speaker "Linus" is not in the episode',
    ],
    [
      'a timestamp going backwards',
      'backwards.srt',
      'backwards.srt:10: cue starts before the previous one (line 6): a timestamp goes backwards',
    ],
    [
      'a truncated cue (timing, no text)',
      'truncated.vtt',
      'truncated.vtt:8: truncated cue: it has a timing but no text',
    ],
  ])('%s', (_, name, message) => {
    expect(() => importTranscript(fixture(name), name, { speakers })).toThrow(message);
  });

  it.each([
    [
      'WebVTT',
      'cut.vtt',
      'WEBVTT\n\n00:00.000 --> 00:03.500\nMatthias: Hi.\n\n00:03.500 --> 00:0',
      'cut.vtt:6: invalid timestamp "00:0"',
    ],
    [
      'SRT',
      'cut.srt',
      '1\n00:00:00,000 --> 00:00:03,500\nMatthias: Hi.\n\n2\n',
      'cut.srt:5: truncated cue: a cue number with no timing',
    ],
    [
      'SRT',
      'cut2.srt',
      '1\n00:00:00,000 --> 00:00:03,500\nMatthias: Hi.\n\n2\n00:00:03,500 --> 00:00:0',
      'cut2.srt:6: invalid timestamp "00:00:0"',
    ],
  ])('a %s file cut off in a cue (%s)', (_, name, text, message) => {
    expect(() => importTranscript(text, name, { speakers })).toThrow(message);
  });

  it('a first cue without any speaker says how to name one', () => {
    expect(() =>
      importTranscript('WEBVTT\n\n00:00.000 --> 00:01.000\nHello.\n', 'a.vtt', { speakers }),
    ).toThrow(
      'a.vtt:3: the first cue names no speaker (no <v Speaker> voice tag or "Name:" prefix)',
    );
  });

  it('a later prefix that names no one is speech, not an error', () => {
    const text =
      'WEBVTT\n\n00:00.000 --> 00:01.000\nAlice: Hi.\n\n00:01.000 --> 00:02.000\nLinus: said no.\n';
    expect(importTranscript(text, 'a.vtt', { speakers }).turns).toEqual([
      {
        speaker: 'alice-ryhl',
        start: 0,
        end: 2,
        sentences: [
          { start: 0, text: 'Hi.' },
          { start: 1, text: 'Linus: said no.' },
        ],
      },
    ]);
  });
});
