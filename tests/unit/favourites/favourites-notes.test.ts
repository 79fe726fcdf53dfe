import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { clipFavouriteFrom } from '@/lib/favourites/episode';
import { type LinkFavourite, NOTE_MAX_LENGTH } from '@/lib/favourites/schema';
import { createFavouritesStore, type FavouritesStore } from '@/lib/favourites/store';
import { sampleEpisode } from '../../fixtures/sample-episode';

const link = (id: string, savedAt = 1_000): LinkFavourite => ({
  v: 3,
  kind: 'link',
  id,
  source: 'resource',
  title: `Title ${id}`,
  url: `https://example.org/${id}`,
  savedAt,
});

const stores: FavouritesStore[] = [];
function openStore() {
  const store = createFavouritesStore();
  stores.push(store);
  return store;
}
const noteOf = (store: FavouritesStore, key: string) =>
  store.getState().items.find((i) => i.key === key)?.record.note;

/** UTF-8 bytes of a key and its JSON value, as Chrome's sync area counts them. */
const bytesOf = (key: string, value: unknown) =>
  new TextEncoder().encode(key + JSON.stringify(value)).length;

/** Chrome's sync area: 8,192 bytes per item and 102,400 in all. */
function enforceSyncQuota() {
  const sync = fakeBrowser.storage.sync;
  const set = sync.set.bind(sync);
  vi.spyOn(sync, 'set').mockImplementation(async (items) => {
    const stored = { ...(await sync.get()), ...items };
    for (const [key, value] of Object.entries(items))
      if (bytesOf(key, value) > 8192) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    const total = Object.entries(stored).reduce((sum, [k, v]) => sum + bytesOf(k, v), 0);
    if (total > 102_400) throw new Error('QUOTA_BYTES quota exceeded');
    return set(items);
  });
}

beforeEach(() => {
  for (const s of stores.splice(0)) s.dispose();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('notes', () => {
  it('keeps a note on a link through a reload, and clears it when emptied', async () => {
    const tab = openStore();
    await tab.save(link('klint'));
    await tab.setNote('link:klint', '  Try it on our driver.\r\nThen tell the team.  ');
    const reloaded = openStore();
    await reloaded.refresh();
    expect(noteOf(reloaded, 'link:klint')).toBe('Try it on our driver.\nThen tell the team.');
    expect(reloaded.getState().items[0]?.record.savedAt).toBe(1_000);
    await reloaded.setNote('link:klint', '   ');
    const again = openStore();
    await again.refresh();
    expect(noteOf(again, 'link:klint')).toBeUndefined();
    expect(again.getState().items).toHaveLength(1);
  });

  it('refuses a note over the limit and stores nothing', async () => {
    const tab = openStore();
    await tab.save(link('klint'));
    await expect(tab.setNote('link:klint', 'x'.repeat(NOTE_MAX_LENGTH + 1))).rejects.toThrow(
      /at most 2000 characters/,
    );
    expect(noteOf(tab, 'link:klint')).toBeUndefined();
    await tab.setNote('link:klint', 'x'.repeat(NOTE_MAX_LENGTH));
    expect(noteOf(tab, 'link:klint')).toHaveLength(NOTE_MAX_LENGTH);
  });

  it('of two tabs editing the same note, the later edit wins whole', async () => {
    const tabA = openStore();
    const tabB = openStore();
    await tabA.save(link('klint'));
    await Promise.all([tabA.refresh(), tabB.refresh()]);
    await tabA.setNote('link:klint', 'from tab A');
    // Tab B still shows the favourite without a note; its later edit replaces A's.
    await tabB.setNote('link:klint', 'from tab B');
    await Promise.all([tabA.refresh(), tabB.refresh()]);
    expect(noteOf(tabA, 'link:klint')).toBe('from tab B');
    expect(noteOf(tabB, 'link:klint')).toBe('from tab B');
  });

  it('keeps the item on this device, and says so, when notes fill sync', async () => {
    const tab = openStore();
    enforceSyncQuota();
    const clip = clipFavouriteFrom(
      sampleEpisode,
      { turn: 0, sentence: 0 },
      { turn: 1, sentence: 0 },
    )!;
    const key = `quote:${clip.id}`;
    await tab.save(clip);
    // Full notes of three-byte characters, 6 KB each, until sync has no room for one more.
    const full = '€'.repeat(NOTE_MAX_LENGTH);
    let filled = 0;
    for (; filled < 20; filled++) {
      await tab.save(link(`l${filled}`, 10 + filled));
      const result = await tab.setNote(`link:l${filled}`, full);
      if (result.area === 'local') break;
    }
    expect(filled, 'sync never filled up').toBeLessThan(20);
    await tab.remove(`link:l${filled}`);
    const result = await tab.setNote(key, full);
    expect(result).toMatchObject({ area: 'local', fallback: { reason: 'quota' } });
    const listed = tab.getState().items.find((i) => i.key === key);
    expect(listed?.record.note).toBe(full);
    expect(listed?.areas).toEqual(['local']);
    expect(tab.getState().syncFallback?.reason).toBe('quota');
    // Sync keeps the copy it holds (other browsers still have the clip, without the note).
    const synced = await fakeBrowser.storage.sync.get(`fav:${key}`);
    expect(synced[`fav:${key}`]).toMatchObject({ id: clip.id, lines: clip.lines });
    expect(synced[`fav:${key}`]).not.toHaveProperty('note');
    // A short note fits: back in sync, and the device copy goes.
    await tab.setNote(key, 'Greg on crashing machines');
    expect(tab.getState().items.find((i) => i.key === key)?.areas).toEqual(['sync']);
    expect(await fakeBrowser.storage.local.get(`fav:${key}`)).toEqual({});
    expect(noteOf(tab, key)).toBe('Greg on crashing machines');
  });

  it('saves the note when another tab removed the item meanwhile (the latest action wins)', async () => {
    const tabA = openStore();
    const tabB = openStore();
    await tabA.save(link('klint'));
    await Promise.all([tabA.refresh(), tabB.refresh()]);
    const opened = tabA.getState().items[0]!.record;
    await tabB.remove('link:klint');
    // Tab A's list no longer holds it, but its note box was open on it.
    expect(tabA.isSaved('link:klint')).toBe(false);
    await tabA.setNote('link:klint', 'written while B removed it', opened);
    const reloaded = openStore();
    await reloaded.refresh();
    expect(noteOf(reloaded, 'link:klint')).toBe('written while B removed it');
  });
});

describe('a clip that grows or shrinks', () => {
  const at = (turn: number, sentence: number) => ({ turn, sentence });
  const clipOf = (from: [number, number], to: [number, number], savedAt = 1_000) =>
    clipFavouriteFrom(sampleEpisode, at(...from), at(...to), savedAt)!;

  it('keeps the note and first save time, even a note another tab wrote a moment ago', async () => {
    const tabA = openStore();
    const tabB = openStore();
    const two = clipOf([0, 1], [0, 2]);
    await tabA.save(two);
    await Promise.all([tabA.refresh(), tabB.refresh()]);
    await tabB.setNote(`quote:${two.id}`, 'written in tab B');
    // Tab A grows the clip from the record it holds, which has no note yet.
    const three = clipOf([0, 1], [1, 0], Date.now());
    await tabA.replace(`quote:${two.id}`, three);
    const reloaded = openStore();
    await reloaded.refresh();
    expect(reloaded.getState().items.map((i) => i.key)).toEqual([`quote:${three.id}`]);
    expect(reloaded.getState().items[0]?.record).toMatchObject({
      lines: 3,
      note: 'written in tab B',
      savedAt: 1_000,
    });
  });

  it('changes nothing when another saved favourite is where it would go', async () => {
    const tab = openStore();
    const single = clipOf([0, 1], [0, 1]);
    const two = clipOf([0, 1], [0, 2]);
    await tab.save(single);
    await tab.setNote(`quote:${single.id}`, 'the single line’s own note');
    await tab.save(two);
    // Shrinking the clip to its first line would merge it into the saved single line.
    await expect(tab.replace(`quote:${two.id}`, clipOf([0, 1], [0, 1]))).rejects.toThrow(
      /saved already/,
    );
    const notes = new Map(tab.getState().items.map((i) => [i.key, i.record.note]));
    expect(notes).toEqual(
      new Map([
        [`quote:${two.id}`, undefined],
        [`quote:${single.id}`, 'the single line’s own note'],
      ]),
    );
  });
});

describe('two tabs editing notes and removing, interleaved', () => {
  type Op =
    | { tab: 0 | 1; kind: 'note'; item: number; text: string }
    | { tab: 0 | 1; kind: 'remove'; item: number };
  const ITEMS = ['a', 'b', 'c'];
  const op = fc.oneof(
    fc.record({
      tab: fc.constantFrom(0 as const, 1 as const),
      kind: fc.constant('note' as const),
      item: fc.integer({ min: 0, max: ITEMS.length - 1 }),
      text: fc.string({ maxLength: 30 }),
    }),
    fc.record({
      tab: fc.constantFrom(0 as const, 1 as const),
      kind: fc.constant('remove' as const),
      item: fc.integer({ min: 0, max: ITEMS.length - 1 }),
    }),
  );

  it('ends with exactly what the edits said, in the order they were made', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), fc.boolean(), async (ops, paired) => {
        for (const s of stores.splice(0)) s.dispose();
        fakeBrowser.reset();
        const tabs = [openStore(), openStore()] as const;
        for (const id of ITEMS) await tabs[0].save(link(id));
        await Promise.all(tabs.map((t) => t.refresh()));
        // The model: the items as the listener's edits leave them, applied in order.
        const model = new Map<string, string | undefined>(ITEMS.map((id) => [id, undefined]));
        const apply = (o: Op) => {
          const id = ITEMS[o.item]!;
          if (o.kind === 'remove') model.delete(id);
          else model.set(id, o.text.trim() || undefined);
        };
        const run = async (o: Op) => {
          const id = ITEMS[o.item]!;
          // The note box was opened on the item as first saved (another tab may remove it).
          if (o.kind === 'remove') await tabs[o.tab].remove(`link:${id}`);
          else await tabs[o.tab].setNote(`link:${id}`, o.text, link(id));
        };
        for (let i = 0; i < ops.length; i++) {
          const first = ops[i]!;
          const second = ops[i + 1];
          // Two tabs at the same moment on different items: both edits land.
          if (paired && second && second.tab !== first.tab && second.item !== first.item) {
            await Promise.all([run(first), run(second)]);
            apply(first);
            apply(second);
            i++;
          } else {
            await run(first);
            apply(first);
          }
        }
        const reloaded = openStore();
        await reloaded.refresh();
        const stored = new Map(
          reloaded.getState().items.map((i) => [i.record.id, i.record.note] as const),
        );
        expect(stored).toEqual(model);
      }),
      { numRuns: 60 },
    );
  });
});
