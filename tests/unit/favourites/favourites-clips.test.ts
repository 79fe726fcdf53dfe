import { describe, expect, it } from 'vitest';
import { pageTimeUrl } from '@/lib/episode/quote';
import type { Episode } from '@/lib/episode/schema';
import {
  clipFavouriteFrom,
  resolveQuote,
  savedLines,
  savedQuotePositions,
} from '@/lib/favourites/episode';
import { readFavourite } from '@/lib/favourites/migrations';
import { CLIP_MAX_LINES, type QuoteFavourite } from '@/lib/favourites/schema';
import { exportJson, exportMarkdown, planImport } from '@/lib/favourites/transfer';
import { sampleEpisode } from '../../fixtures/sample-episode';

const turns = sampleEpisode.transcript.turns;
// The last two sentences of the host's introduction and the first of Greg's answer.
const clip = clipFavouriteFrom(
  sampleEpisode,
  { turn: 0, sentence: 1 },
  { turn: 1, sentence: 0 },
  5,
)!;

describe('clips', () => {
  it('joins consecutive sentences across a turn, naming speakers, start and end', () => {
    expect(clip).toMatchObject({
      v: 3,
      kind: 'quote',
      turn: 0,
      sentence: 1,
      lines: 3,
      start: turns[0]!.sentences[1]!.start,
      // Greg's first sentence ends where his second starts.
      end: turns[1]!.sentences[1]!.start,
      speakers: [
        { id: 'matthias-endler', name: 'Matthias Endler' },
        { id: 'greg-kroah-hartman', name: 'Greg Kroah-Hartman' },
      ],
      text: [
        turns[0]!.sentences[1]!.text,
        turns[0]!.sentences[2]!.text,
        turns[1]!.sentences[0]!.text,
      ].join(' '),
    });
    expect(readFavourite(clip)).toEqual({ status: 'ok', record: clip, migrated: false });
  });

  it('is a plain quote when it holds one sentence, and nothing when the end comes first', () => {
    const one = clipFavouriteFrom(
      sampleEpisode,
      { turn: 1, sentence: 0 },
      { turn: 1, sentence: 0 },
    );
    expect(one?.lines).toBeUndefined();
    expect(one?.speakers).toBeUndefined();
    expect(
      clipFavouriteFrom(sampleEpisode, { turn: 1, sentence: 0 }, { turn: 0, sentence: 2 }),
    ).toBeUndefined();
    expect(
      clipFavouriteFrom(sampleEpisode, { turn: 0, sentence: 0 }, { turn: 99, sentence: 0 }),
    ).toBeUndefined();
  });

  it(`holds at most ${CLIP_MAX_LINES} sentences`, () => {
    const long: Episode = {
      ...sampleEpisode,
      transcript: {
        ...sampleEpisode.transcript,
        turns: [
          {
            ...turns[0]!,
            end: 1000,
            sentences: Array.from({ length: CLIP_MAX_LINES + 1 }, (_, i) => ({
              start: i,
              text: `Sentence ${i}.`,
            })),
          },
        ],
      },
    };
    const at = (sentence: number) => ({ turn: 0, sentence });
    expect(clipFavouriteFrom(long, at(0), at(CLIP_MAX_LINES - 1))?.lines).toBe(CLIP_MAX_LINES);
    expect(clipFavouriteFrom(long, at(0), at(CLIP_MAX_LINES))).toBeUndefined();
  });

  it('is found again after a rebuild moved it, with its speakers by part', () => {
    const moved: Episode = {
      ...sampleEpisode,
      transcript: {
        ...sampleEpisode.transcript,
        turns: [
          { ...turns[0]!, sentences: [{ start: 0, text: 'A new first sentence.' }] },
          ...turns.map((t) => ({
            ...t,
            start: t.start + 5,
            sentences: t.sentences.map((s) => ({ ...s, start: s.start + 5 })),
          })),
        ],
      },
    };
    const found = resolveQuote(clip, moved);
    expect(found).toMatchObject({
      resolved: true,
      turn: 1,
      sentence: 1,
      last: { turn: 2, sentence: 0 },
      lines: 3,
      start: clip.start + 5,
      speakerNames: ['Matthias Endler', 'Greg Kroah-Hartman'],
    });
    expect(found.parts.map((p) => p.speakerName)).toEqual([
      'Matthias Endler',
      'Greg Kroah-Hartman',
    ]);
    // Every line it holds is marked; a clip gives no single line a pressed star.
    expect([...savedLines([{ record: clip }], moved)]).toEqual([
      ['1:1', 'clip-start'],
      ['1:2', 'clip'],
      ['2:0', 'clip'],
    ]);
    expect(savedQuotePositions([{ key: `quote:${clip.id}`, record: clip }], moved).size).toBe(0);
  });

  it('shows as stored when its text is gone', () => {
    const gone: QuoteFavourite = { ...clip, text: 'Words nobody said. Nor this.' };
    expect(resolveQuote(gone, sampleEpisode)).toMatchObject({
      resolved: false,
      text: 'Words nobody said. Nor this.',
      lines: 3,
      speakerNames: ['Matthias Endler', 'Greg Kroah-Hartman'],
    });
  });
});

describe('exports with clips and notes', () => {
  const noted = {
    ...clip,
    note: 'Ask the team about LTS.\nAnd about [[stable]] kernels.',
    editedAt: 9,
  };
  const link = {
    v: 3 as const,
    kind: 'link' as const,
    id: 'klint',
    source: 'resource' as const,
    title: 'klint',
    url: 'https://github.com/Rust-for-Linux/klint',
    savedAt: 4,
    note: 'Try it on our driver.',
    editedAt: 8,
  };

  it('writes a clip as a block quote by speaker with time links, then its note', () => {
    const md = exportMarkdown([noted, link], sampleEpisode);
    const at = (seconds: number) =>
      pageTimeUrl(sampleEpisode.episode.pages.hostPage, seconds, sampleEpisode.episode.timeParam);
    expect(md).toContain(
      `> **Matthias Endler**, [0:08](<${at(8)}>): My name is Matthias Endler from corrode. Welcome everyone`,
    );
    expect(md).toContain(`> **Greg Kroah-Hartman**, [0:30](<${at(30)}>): I'm Greg`);
    expect(md).toContain(`> — [0:08](<${at(8)}>)–[0:40](<${at(40)}>)`);
    // The note follows the quote, after a blank line, as the listener wrote it.
    expect(md).toContain('>\n> — ');
    expect(md).toContain('\n\n- Note: Ask the team about LTS.\n  And about [[stable]] kernels.\n');
    expect(md).toContain(
      '- [klint](<https://github.com/Rust-for-Linux/klint>)\n  - Note: Try it on our driver.',
    );
  });

  it('keeps whatever a note holds inside its own list item', () => {
    const wild = {
      ...noted,
      note: 'First\n```\n# Not a heading of the file\n> nor a quote\n\n---',
    };
    const md = exportMarkdown([wild, { ...link, note: '```\nlink note' }], sampleEpisode);
    const lines = md.split('\n');
    const first = lines.indexOf('- Note: First');
    // Every line after the item's first is indented into it (or blank, which the item spans).
    expect(lines.slice(first + 1, first + 6)).toEqual([
      '  ```',
      '  # Not a heading of the file',
      '  > nor a quote',
      '',
      '  ---',
    ]);
    expect(md).toContain('  - Note: ```\n    link note');
  });

  it('carries clips and notes through JSON unchanged, and says why it skips one', () => {
    const json = exportJson([noted, link]);
    const plan = planImport('saved.json', json, new Map());
    expect(plan.toSave).toEqual([noted, link]);
    const again = planImport(
      'saved.json',
      json,
      new Map([[`link:klint`, { ...link, note: undefined }]]),
    );
    expect(again.toSave).toEqual([noted]);
    expect(again.skipped).toEqual([
      {
        entry: 'favourites[1]',
        label: 'klint',
        reason: 'already saved, with no note: the one saved here is kept',
      },
    ]);
  });
});
