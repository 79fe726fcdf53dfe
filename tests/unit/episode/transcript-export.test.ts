import { describe, expect, it } from 'vitest';
import {
  exportFile,
  markdownText,
  toMarkdown,
  toPodcastChapters,
  toPodcastTranscript,
  toWebVtt,
  vttTimestamp,
} from '@/lib/episode/export';
import { loadEpisode } from '@/lib/episode/packaged';
import { parseChapters, placeChapters } from '@/lib/ingest/chapters';
import { importPodcastTranscript } from '@/lib/ingest/formats/podcast-json';
import { importWebVtt as importVtt, parseWebVtt as parseVtt } from '@/lib/ingest/formats/webvtt';
import { parseTime } from '@/lib/time';
import { sampleEpisode } from '../../fixtures/sample-episode';

const episode = loadEpisode();
const { turns } = episode.transcript;
const speakers = new Map(episode.people.map((p) => [p.name, p.id]));

describe('Podcasting 2.0 JSON transcript', () => {
  const text = toPodcastTranscript(episode);
  const data = JSON.parse(text);

  it('has the format’s shape: a version and timed segments with speaker and body', () => {
    expect(data.version).toBe('1.0.0');
    expect(data.segments).toHaveLength(turns.reduce((n, t) => n + t.sentences.length, 0));
    for (const s of data.segments) {
      expect(Object.keys(s).sort()).toEqual(['body', 'endTime', 'speaker', 'startTime']);
      expect(s.endTime).toBeGreaterThanOrEqual(s.startTime);
    }
    expect(data.segments[1]).toMatchObject({ speaker: 'Matthias Endler' });
  });

  it('round-trips through the importer to the same turns and sentences', () => {
    expect(importPodcastTranscript(text, 'transcript.json', { speakers }).turns).toEqual(turns);
  });

  it('rejects a segment without a time, naming its line', () => {
    const broken = text.replace('"startTime": 0,', '"startTime": "0",');
    expect(() => importPodcastTranscript(broken, 'transcript.json')).toThrow(
      /^transcript\.json:4: segment 1: "startTime" must be seconds/,
    );
  });
});

describe('WebVTT with voice tags', () => {
  const text = toWebVtt(episode);

  it('is valid WebVTT: header, increasing cue times that end after they start, voice tags', () => {
    expect(text.startsWith('WEBVTT - Rust for Linux')).toBe(true);
    const cues = parseVtt(text, 'transcript.vtt');
    for (const [i, cue] of cues.entries()) {
      expect(cue.end).toBeGreaterThan(cue.start);
      if (i > 0) expect(cue.start).toBeGreaterThanOrEqual(cues[i - 1]!.start);
      expect(speakers.has(cue.speaker ?? '')).toBe(true);
    }
    expect(text).toContain('\n<v Greg Kroah-Hartman>');
    expect(vttTimestamp(3723.4567)).toBe('01:02:03.457');
  });

  it('round-trips through the VTT importer to the same turns and sentences', () => {
    // A cue must end after it starts, so a turn that lasts no time in the source (two speakers
    // listed at the same second) comes back lasting the 1 ms a cue needs at least.
    const expected = turns.map((t) => (t.end > t.start ? t : { ...t, end: t.start + 0.001 }));
    expect(turns.some((t) => t.end === t.start)).toBe(true);
    expect(importVtt(text, 'transcript.vtt', { speakers }).turns).toEqual(expected);
  });

  it('escapes markup in the words so that they come back as spoken', () => {
    const tricky = structuredClone(sampleEpisode);
    const first = tricky.transcript.turns[0]!;
    first.sentences[0]!.text = 'Is <b>x</b> & y --> z?';
    const back = importVtt(toWebVtt(tricky), 't.vtt', {
      speakers: new Map(tricky.people.map((p) => [p.name, p.id])),
    });
    expect(back.turns[0]?.sentences[0]?.text).toBe('Is <b>x</b> & y --> z?');
  });
});

describe('Markdown', () => {
  const text = toMarkdown(episode);

  it('has the title, the chapters with time links, and every turn with speaker and time', () => {
    expect(text.startsWith('# Rust for Linux with Alice Ryhl and Greg Kroah-Hartman\n')).toBe(true);
    expect(text).toContain('## Chapters');
    expect(text).toContain(
      '- [2:05](https://corrode.dev/podcast/s06e04-rust4linux/?t=02%3A05) Greg’s first driver',
    );
    expect(text).toContain('### Social or technical? The kernel runs on trust');
    const turnLines = text.split('\n').filter((l) => /^\*\*[^*]+\*\* · \[\d+:\d\d\]\(/.test(l));
    expect(turnLines).toHaveLength(turns.length);
    expect(turnLines[1]).toBe(
      '**Alice Ryhl** · [1:16](https://corrode.dev/podcast/s06e04-rust4linux/?t=01%3A16)',
    );
  });

  it('keeps every word, escaping what Markdown would read as markup', () => {
    expect(markdownText('io_uring *and* [links] <b>')).toBe(
      'io\\_uring \\*and\\* \\[links\\] \\<b\\>',
    );
    const unescaped = text.replace(/\\(.)/g, '$1');
    for (const t of turns) for (const s of t.sentences) expect(unescaped).toContain(s.text);
  });

  it('reads back to the same turns: speaker, time link and words, under their chapters', () => {
    const plain = (line: string) => line.replace(/\\(.)/g, '$1');
    const lines = text.slice(text.indexOf('## Transcript')).split('\n');
    const read: Array<{ speaker: string; seconds: number; text: string; chapter?: string }> = [];
    let chapter: string | undefined;
    lines.forEach((line, i) => {
      const heading = /^### (.+)$/.exec(line);
      if (heading) chapter = plain(heading[1] ?? '');
      const head = /^\*\*(.+)\*\* · \[(\d+:\d\d)\]\((.+)\)$/.exec(line);
      if (!head) return;
      const url = new URL(head[3] ?? '');
      // The link's moment is the label's, as the pages read it (MM:SS, H:MM:SS from an hour).
      expect(parseTime(url.searchParams.get('t') ?? '')).toBe(parseTime(head[2] ?? ''));
      read.push({
        speaker: plain(head[1] ?? ''),
        seconds: parseTime(head[2] ?? '') ?? -1,
        text: plain(lines[i + 2] ?? ''),
        chapter,
      });
      chapter = undefined;
    });
    const names = new Map(episode.people.map((p) => [p.id, p.name]));
    const chapterAt = new Map(episode.chapters?.map((c) => [c.turn, c.title]));
    expect(read).toEqual(
      turns.map((t, i) => ({
        speaker: names.get(t.speaker),
        seconds: Math.floor(t.start),
        text: t.sentences.map((s) => s.text).join(' '),
        chapter: chapterAt.get(i),
      })),
    );
  });
});

describe('Podcasting 2.0 chapters JSON', () => {
  const text = toPodcastChapters(episode);

  it('lists every chapter with its start time, title and v1.2 endTime (next start, or the end)', () => {
    const data = JSON.parse(text);
    expect(data.version).toBe('1.2.0');
    const chapters = episode.chapters ?? [];
    expect(data.chapters).toEqual(
      chapters.map((c, i) => ({
        startTime: c.start,
        endTime: chapters[i + 1]?.start ?? episode.episode.durationSeconds,
        title: c.title,
      })),
    );
  });

  it('reads back its endTime fields', () => {
    const entries = parseChapters(text, 'chapters.json');
    expect(entries.map((e) => e.endTime)).toEqual(
      JSON.parse(text).chapters.map((c: { endTime: number }) => c.endTime),
    );
  });

  it('round-trips through the ingest’s chapter reader to the same chapters', () => {
    const entries = parseChapters(text, 'chapters.json');
    expect(placeChapters(entries, turns, episode.episode.durationSeconds, 'chapters.json')).toEqual(
      episode.chapters,
    );
  });
});

describe('download files', () => {
  it('are named after the episode with the format’s extension and type', () => {
    expect(
      (['podcast-json', 'webvtt', 'markdown', 'chapters-json'] as const).map((f) => {
        const { name, type } = exportFile(episode, f);
        return [name, type];
      }),
    ).toEqual([
      ['rust-for-linux-s06e04-transcript.json', 'application/json'],
      ['rust-for-linux-s06e04-transcript.vtt', 'text/vtt'],
      ['rust-for-linux-s06e04-transcript.md', 'text/markdown'],
      ['rust-for-linux-s06e04-chapters.json', 'application/json+chapters'],
    ]);
  });
});
