import { describe, expect, it } from 'vitest';
import type { Episode } from '@/lib/episode/schema';
import {
  linkFavouriteFromOfficial,
  quoteFavouriteFrom,
  resolveQuote,
  savedQuotePositions,
} from '@/lib/favourites/episode';
import type { Favourite, LinkFavourite, QuoteFavourite } from '@/lib/favourites/schema';
import { EXPORT_FORMAT, exportJson, exportMarkdown, planImport } from '@/lib/favourites/transfer';
import { sampleEpisode } from '../../fixtures/sample-episode';

const firstTurn = sampleEpisode.transcript.turns[1]!;
const quote = quoteFavouriteFrom(sampleEpisode, 1, 0, 2_000)!;
const link: LinkFavourite = {
  v: 3,
  kind: 'link',
  id: 'tokio',
  source: 'resource',
  title: 'Tokio [async] *runtime*',
  url: 'https://tokio.rs/',
  savedAt: 1_000,
};

describe('export', () => {
  it('writes Markdown with escaped titles, quote, speaker and a host-page time link', () => {
    const md = exportMarkdown([quote, link], sampleEpisode);
    expect(md).toContain('- [Tokio \\[async\\] \\*runtime\\*](<https://tokio.rs/>)');
    expect(md).toContain(
      `> ${firstTurn.sentences[0]!.text.replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1')}`,
    );
    const speaker = sampleEpisode.people.find((p) => p.id === firstTurn.speaker)!.name;
    expect(md).toContain(`— ${speaker}, `);
    expect(md).toContain(`${sampleEpisode.episode.pages.hostPage}?t=`);
  });

  it('writes JSON that imports back to the same favourites', () => {
    const json = exportJson([quote, link], [], new Date('2026-05-22T00:00:00Z'));
    const parsed = JSON.parse(json);
    expect(parsed).toMatchObject({ format: EXPORT_FORMAT, version: 3, favourites: [quote, link] });
    const plan = planImport('saved.json', json, new Map());
    expect(plan.error).toBeUndefined();
    expect(plan.toSave).toEqual([quote, link]);
    expect(plan.skipped).toEqual([]);
  });
});

describe('import', () => {
  const file = (favourites: unknown[]) => JSON.stringify({ format: EXPORT_FORMAT, favourites });

  it('skips what is already saved and duplicates within the file, saying why', () => {
    const other: Favourite = { ...link, id: 'aya', title: 'Aya', url: 'https://aya-rs.dev/' };
    const plan = planImport('f.json', file([link, other, other]), new Map([['link:tokio', link]]));
    expect(plan.toSave).toEqual([other]);
    expect(plan.skipped).toEqual([
      { entry: 'favourites[0]', label: link.title, reason: 'already saved' },
      { entry: 'favourites[2]', label: 'Aya', reason: 'duplicate in file' },
    ]);
  });

  it('reports invalid entries with their position and reason, and imports the rest', () => {
    const plan = planImport(
      'f.json',
      file([{ ...link, url: 'javascript:alert(1)' }, 'text', { v: 9, kind: 'link' }, quote]),
      new Map(),
    );
    expect(plan.toSave).toEqual([quote]);
    expect(plan.skipped.map((s) => s.entry)).toEqual([
      'favourites[0]',
      'favourites[1]',
      'favourites[2]',
    ]);
    expect(plan.skipped[0]!.reason).toMatch(/url/);
    expect(plan.skipped[2]!.reason).toMatch(/newer version/);
  });

  it('accepts a version 1 array (migrated on the way in)', () => {
    const plan = planImport(
      'old.json',
      JSON.stringify([
        {
          type: 'link',
          linkId: 'aya',
          title: 'Aya',
          url: 'https://aya-rs.dev/',
          added: '2026-05-22T08:00:00Z',
        },
      ]),
      new Map(),
    );
    expect(plan.toSave).toMatchObject([{ v: 3, kind: 'link', id: 'aya' }]);
  });

  it('names the file and line of broken JSON and imports nothing', () => {
    const plan = planImport('broken.json', '{\n  "favourites": [\n    {,\n  ]\n}', new Map());
    expect(plan.toSave).toEqual([]);
    expect(plan.error).toMatch(/^broken\.json, line 3: not valid JSON/);
  });

  it('refuses JSON that is not a favourites export', () => {
    expect(planImport('x.json', '{"hello": 1}', new Map()).error).toMatch(
      /x\.json: not a favourites export/,
    );
  });
});

describe('quotes across a data rebuild', () => {
  const rebuilt = (turns: Episode['transcript']['turns']): Episode => ({
    ...sampleEpisode,
    transcript: { turns },
  });

  it('finds the sentence again after turns and sentences are renumbered', () => {
    const turns = sampleEpisode.transcript.turns;
    const shifted = rebuilt([
      turns[0]!,
      {
        ...turns[0]!,
        start: turns[0]!.start + 1,
        sentences: [{ start: turns[0]!.start + 1, text: 'An extra line.' }],
      },
      {
        ...turns[1]!,
        sentences: [
          { start: turns[1]!.start, text: 'A new first sentence.' },
          ...turns[1]!.sentences,
        ],
      },
      ...turns.slice(2),
    ]);
    const found = resolveQuote(quote, shifted);
    expect(found).toMatchObject({ turn: 2, sentence: 1, resolved: true, text: quote.text });
  });

  it('maps saved quotes to where they now sit, so the sentence shows as saved', () => {
    const turns = sampleEpisode.transcript.turns;
    // The rebuild moved the sentence into the previous turn (another start, so another id).
    const moved = rebuilt([
      { ...turns[0]!, sentences: [...turns[0]!.sentences, turns[1]!.sentences[0]!] },
      { ...turns[1]!, sentences: turns[1]!.sentences.slice(1) },
      ...turns.slice(2),
    ]);
    const at = turns[0]!.sentences.length;
    const positions = savedQuotePositions([{ key: `quote:${quote.id}`, record: quote }], moved);
    expect([...positions]).toEqual([[`0:${at}`, `quote:${quote.id}`]]);
    expect(quoteFavouriteFrom(moved, 0, at)!.id).not.toBe(quote.id);
  });

  it('keeps a quote that is no longer in the transcript, shown as stored', () => {
    const gone: QuoteFavourite = { ...quote, text: 'Words nobody said.', id: 'x' };
    expect(resolveQuote(gone, sampleEpisode)).toMatchObject({
      resolved: false,
      text: 'Words nobody said.',
      start: quote.start,
    });
  });
});

it('gives official links a stable id from their title', () => {
  expect(
    linkFavouriteFromOfficial(
      { label: 'Alice Ryhl on GitHub', url: 'https://github.com/Darksonn' },
      1,
    ).id,
  ).toBe('official-alice-ryhl-on-github');
});
