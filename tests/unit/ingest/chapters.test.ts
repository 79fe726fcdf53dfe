import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapterAt, chapterOfTurn } from '@/lib/episode/chapters';
import { loadEpisode } from '@/lib/episode/packaged';
import type { Turn } from '@/lib/episode/schema';
import { parseChapters, parsePodcastChapters, placeChapters } from '@/lib/ingest/chapters';
import { DEFAULT_EPISODE_DIR, ingest } from '@/lib/ingest/ingest';

const FILE = 'chapters.json';
const CHAPTERS = join(DEFAULT_EPISODE_DIR, 'chapters.json');
const episode = loadEpisode();
const turns = episode.transcript.turns;

const turn = (speaker: string, start: number, end: number): Turn => ({
  speaker,
  start,
  end,
  sentences: [{ start, text: 'Words.' }],
});
const toyTurns = [
  turn('host', 0, 10),
  turn('guest', 10, 20),
  turn('host', 20, 20),
  turn('guest', 20, 30),
];

/** A curated chapters file, one chapter per line after the opening ones (so chapter n is on line n + 2). */
function curated(chapters: object[]): string {
  return `{\n  "chapters": [\n${chapters.map((c) => `    ${JSON.stringify(c)}`).join(',\n')}\n  ]\n}\n`;
}

function place(chapters: object[], on = toyTurns, duration = 30) {
  return placeChapters(parseChapters(curated(chapters), FILE), on, duration, FILE);
}

describe('the episode’s chapters', () => {
  const chapters = episode.chapters ?? [];

  it('are 10 to 20, start at the first turn and cover the episode in order', () => {
    expect(chapters.length).toBeGreaterThanOrEqual(10);
    expect(chapters.length).toBeLessThanOrEqual(20);
    expect(chapters[0]).toMatchObject({ turn: 0, start: 0 });
    for (const [i, chapter] of chapters.entries()) {
      expect(turns[chapter.turn]?.start).toBe(chapter.start);
      if (i > 0) expect(chapter.turn).toBeGreaterThan(chapters[i - 1]!.turn);
    }
  });

  it('have distinct, short titles', () => {
    const titles = chapters.map((c) => c.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
    for (const c of chapters) expect(c.title.length).toBeLessThanOrEqual(60);
  });

  it('name what is said in them (spot checks of the conversation)', () => {
    const textOf = (i: number) => {
      const end = chapters[i + 1]?.turn ?? turns.length;
      return turns
        .slice(chapters[i]!.turn, end)
        .flatMap((t) => t.sentences.map((s) => s.text))
        .join(' ')
        .toLowerCase();
    };
    const find = (word: string) => chapters.findIndex((c) => c.title.toLowerCase().includes(word));
    expect(textOf(find('usb'))).toContain('102 key mouse');
    expect(textOf(find('experiment'))).toContain('the rust experiment is over');
    expect(textOf(find('io_uring'))).toContain('io_uring');
    expect(textOf(find('coccinelle'))).toContain('coconut');
    expect(textOf(find('clippy'))).toContain('pedantic');
  });
});

describe('chapter files', () => {
  it('place each chapter on the turn with its start and speaker', () => {
    expect(
      place([
        { start: '0:00', speaker: 'host', title: 'Hello' },
        { start: '0:20', speaker: 'guest', title: 'Answer' },
      ]),
    ).toEqual([
      { title: 'Hello', turn: 0, start: 0 },
      { title: 'Answer', turn: 3, start: 20 },
    ]);
  });

  it.each([
    [
      'a time where no turn starts',
      [
        { start: '0:00', speaker: 'host', title: 'A' },
        { start: '0:15', speaker: 'guest', title: 'B' },
      ],
      /^chapters\.json:4: chapter 2 \("B"\): no turn starts at 0:15; the nearest turns start at 0:10 \(guest\) or 0:20/,
    ],
    [
      'the wrong speaker',
      [{ start: '0:10', speaker: 'host', title: 'A' }],
      /^chapters\.json:3: .*spoken by guest, not host/,
    ],
    [
      'chapters out of order',
      [
        { start: '0:10', speaker: 'guest', title: 'A' },
        { start: '0:00', speaker: 'host', title: 'B' },
      ],
      /^chapters\.json:4: chapter 2 \("B"\): must start after the previous chapter/,
    ],
    [
      'two chapters on one turn',
      [
        { start: '0:10', speaker: 'guest', title: 'A' },
        { start: '0:10', speaker: 'guest', title: 'B' },
      ],
      /^chapters\.json:4: .*after the previous chapter/,
    ],
    [
      'a chapter after the end',
      [{ start: '0:45', speaker: 'guest', title: 'A' }],
      /^chapters\.json:3: .*after the episode ends \(0:30\)/,
    ],
    [
      'an impossible time',
      [{ start: '0:61', speaker: 'guest', title: 'A' }],
      /^chapters\.json:3: chapter 1: "start" must be the start of a turn/,
    ],
    ['an empty title', [{ start: '0:00', speaker: 'host', title: ' ' }], /:3: chapter 1: "title"/],
    [
      'a title too long to show',
      [{ start: '0:00', speaker: 'host', title: 'x'.repeat(91) }],
      /:3: chapter 1: title is 91 characters/,
    ],
    [
      'a repeated title',
      [
        { start: '0:00', speaker: 'host', title: 'Same' },
        { start: '0:10', speaker: 'guest', title: 'same' },
      ],
      /:4: chapter 2 .*same title as chapter 1/,
    ],
    [
      'an unknown field (a typo)',
      [{ start: '0:00', speaker: 'host', titel: 'A' }],
      /:3: chapter 1: unknown field "titel"/,
    ],
  ])('stop the build on %s, naming the file and line', (_, chapters, error) => {
    expect(() => place(chapters)).toThrow(error);
  });

  it('report a JSON syntax error at its line', () => {
    const text = '{\n  "chapters": [\n    { "start": "0:00", }\n  ]\n}';
    expect(() => parseChapters(text, FILE)).toThrow(/^chapters\.json:3: invalid JSON/);
  });

  it('read Podcasting 2.0 chapters, snapping times within half a second to the turn', () => {
    const text = JSON.stringify(
      {
        version: '1.2.0',
        chapters: [
          { startTime: 0, title: 'Start', img: 'x.png' },
          { startTime: 10.3, title: 'Next' },
        ],
      },
      null,
      2,
    );
    expect(placeChapters(parseChapters(text, 'c.json'), toyTurns, 30, 'c.json')).toEqual([
      { title: 'Start', turn: 0, start: 0 },
      { title: 'Next', turn: 1, start: 10 },
    ]);
    expect(() =>
      parsePodcastChapters(
        '{"version":"1.2.0","chapters":[{"startTime":"1:00","title":"A"}]}',
        'c.json',
      ),
    ).toThrow(/^c\.json:1: chapter 1: "startTime" must be seconds/);
  });

  it('read the v1.2 optional fields, skip silent chapters (toc: false) and ignore unknown fields', () => {
    const text = JSON.stringify(
      {
        version: '1.2.0',
        chapters: [
          { startTime: 0, endTime: 10, title: 'Start', url: 'https://example.org/a', toc: true },
          { startTime: 5, title: 'Sponsor', toc: false },
          { startTime: 10, title: 'Next', img: 'https://example.org/b.png', location: {} },
          { startTime: 20, title: 'Last', futureField: [1, 2] },
        ],
      },
      null,
      2,
    );
    const entries = parseChapters(text, 'c.json');
    expect(entries.map(({ line: _, ...e }) => e)).toEqual([
      { start: 0, endTime: 10, title: 'Start', url: 'https://example.org/a', toc: true },
      { start: 5, title: 'Sponsor', toc: false },
      { start: 10, title: 'Next', img: 'https://example.org/b.png' },
      { start: 20, title: 'Last' },
    ]);
    expect(placeChapters(entries, toyTurns, 30, 'c.json')).toEqual([
      { title: 'Start', turn: 0, start: 0 },
      { title: 'Next', turn: 1, start: 10 },
      { title: 'Last', turn: 2, start: 20 },
    ]);
  });

  it.each([
    [
      '{ "startTime": 10, "endTime": 5, "title": "A" }',
      '"endTime" must be seconds, not before startTime',
    ],
    ['{ "startTime": 10, "toc": "no", "title": "A" }', '"toc" must be true or false'],
    ['{ "startTime": 10, "url": 5, "title": "A" }', '"url" must be an address'],
    ['{ "endTime": 5, "title": "A" }', '"startTime" must be seconds'],
  ])('a chapter %s stops at its line', (chapter, reason) => {
    const text = `{\n  "version": "1.2.0",\n  "chapters": [\n    ${chapter}\n  ]\n}\n`;
    expect(() => parsePodcastChapters(text, 'c.json')).toThrow(`c.json:4: chapter 1: ${reason}`);
  });

  it('the ingest stops on a bad chapters.json beside the page, naming its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chapters-'));
    cpSync(DEFAULT_EPISODE_DIR, dir, { recursive: true });
    const text = readFileSync(CHAPTERS, 'utf8').replace('"00:22:08"', '"00:22:09"');
    writeFileSync(join(dir, 'chapters.json'), text);
    const line = text.split('\n').findIndex((l) => l.includes('"00:22:09"'));
    // The error names the line where the chapter's object opens: the line before its start.
    expect(() => ingest(join(dir, 'page.txt'), join(dir, 'facts.json'))).toThrow(
      new RegExp(`chapters\\.json:${line}: chapter 11 .*no turn starts at 22:09`),
    );
  });
});

describe('finding chapters', () => {
  const chapters = [
    { title: 'A', turn: 0, start: 0 },
    { title: 'B', turn: 4, start: 100 },
    { title: 'C', turn: 9, start: 250 },
  ];

  it('by playback time, at and between chapter starts', () => {
    expect([-1, 0, 99.9, 100, 249, 250, 9999].map((t) => chapterAt(chapters, t))).toEqual([
      -1, 0, 0, 1, 1, 2, 2,
    ]);
    expect(chapterAt([], 10)).toBe(-1);
  });

  it('by turn', () => {
    expect([0, 3, 4, 8, 9, 20].map((t) => chapterOfTurn(chapters, t))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(chapterOfTurn([{ title: 'Late', turn: 2, start: 5 }], 1)).toBe(-1);
  });
});
