import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { linkFavouriteFromResource } from '@/lib/favourites/episode';
import {
  type Favourite,
  type LinkFavourite,
  type QuoteFavourite,
  toStored,
} from '@/lib/favourites/schema';
import { createFavouritesStore, type FavouritesStore } from '@/lib/favourites/store';
import v1 from '../../fixtures/storage/v1.json';
import v2 from '../../fixtures/storage/v2.json';
import v3 from '../../fixtures/storage/v3.json';

const link = (id: string, savedAt = 1_000): LinkFavourite => ({
  v: 3,
  kind: 'link',
  id,
  source: 'resource',
  title: `Title ${id}`,
  url: `https://example.org/${id}`,
  savedAt,
});

const quote: QuoteFavourite = {
  v: 3,
  kind: 'quote',
  id: '100-c80f300c',
  turn: 4,
  sentence: 0,
  turnStart: 100,
  text: 'Now the kernel is getting close to i think 30 years of age nowadays which is incredible',
  speakerId: 'greg-kroah-hartman',
  speakerName: 'Greg Kroah-Hartman',
  start: 100,
  savedAt: 2_000,
};

const stores: FavouritesStore[] = [];
function openStore() {
  const store = createFavouritesStore();
  stores.push(store);
  return store;
}
const keys = (store: FavouritesStore) => store.getState().items.map((i) => i.key);

beforeEach(() => {
  for (const s of stores.splice(0)) s.dispose();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('two tabs at once', () => {
  it('keeps every favourite when two tabs save different ones at the same moment', async () => {
    const tabA = openStore();
    const tabB = openStore();
    await Promise.all([tabA.refresh(), tabB.refresh()]);
    const aSaves = ['a1', 'a2', 'a3'].map((id, i) => link(id, 10 + i));
    const bSaves: Favourite[] = [link('b1', 20), link('b2', 21), quote];
    await Promise.all([...aSaves.map((f) => tabA.save(f)), ...bSaves.map((f) => tabB.save(f))]);
    const expected = [...aSaves, ...bSaves].map((f) => `${f.kind}:${f.id}`).sort();
    await Promise.all([tabA.refresh(), tabB.refresh()]);
    expect(keys(tabA).sort()).toEqual(expected);
    expect(keys(tabB).sort()).toEqual(expected);
    // A fresh page (reload) reads the same from storage.
    const reloaded = openStore();
    await reloaded.refresh();
    expect(keys(reloaded).sort()).toEqual(expected);
  });

  it('updates an open list live when another tab saves or removes', async () => {
    const tabA = openStore();
    const tabB = openStore();
    await tabB.refresh();
    const seen = vi.fn();
    tabB.subscribe(seen);
    await tabA.save(link('tokio'));
    await vi.waitFor(() => expect(keys(tabB)).toEqual(['link:tokio']));
    await tabA.remove('link:tokio');
    await vi.waitFor(() => expect(keys(tabB)).toEqual([]));
    expect(seen).toHaveBeenCalled();
  });
});

describe('remove and undo', () => {
  it('removes from every area and undo puts the same record back in the same place', async () => {
    const store = openStore();
    await store.save(link('older', 1));
    await store.save(link('middle', 2));
    await store.save(link('newest', 3));
    expect(keys(store)).toEqual(['link:newest', 'link:middle', 'link:older']);
    const removed = await store.remove('link:middle');
    expect(keys(store)).toEqual(['link:newest', 'link:older']);
    expect(await fakeBrowser.storage.sync.get('fav:link:middle')).toEqual({});
    expect(removed).toEqual(link('middle', 2));
    await store.undo(removed!);
    expect(keys(store)).toEqual(['link:newest', 'link:middle', 'link:older']);
  });

  it('returns null when removing something not saved', async () => {
    const store = openStore();
    expect(await store.remove('link:nothing')).toBeNull();
  });
});

describe('sync quota', () => {
  it.each([
    'QUOTA_BYTES_PER_ITEM quota exceeded',
    'QUOTA_BYTES quota exceeded',
    'MAX_ITEMS quota exceeded',
    'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
  ])('saves on this device and says so when sync throws "%s"', async (message) => {
    const store = openStore();
    await store.save(link('first'));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error(message));
    const result = await store.save(link('second', 2_000));
    expect(result.area).toBe('local');
    expect(result.fallback?.reason).toBe('quota');
    expect(await fakeBrowser.storage.local.get('fav:link:second')).toEqual({
      'fav:link:second': toStored(link('second', 2_000)),
    });
    const state = store.getState();
    expect(state.items.map((i) => [i.key, i.areas])).toEqual([
      ['link:second', ['local']],
      ['link:first', ['sync']],
    ]);
    expect(state.syncFallback?.reason).toBe('quota');
    // Another page sees it too, and the notice.
    const other = openStore();
    await other.refresh();
    expect(keys(other)).toEqual(['link:second', 'link:first']);
    expect(other.getState().syncFallback?.reason).toBe('quota');
  });

  it('moves device-only favourites to sync once there is room, and the notice goes', async () => {
    const store = openStore();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(
      new Error('QUOTA_BYTES quota exceeded'),
    );
    await store.save(link('later'));
    expect(store.getState().syncFallback).not.toBeNull();
    expect(await store.retrySync()).toBe(1);
    expect(store.getState().items.map((i) => i.areas)).toEqual([['sync']]);
    expect(store.getState().syncFallback).toBeNull();
  });

  it('falls back to this device when the browser has no sync area', async () => {
    const store = openStore();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(
      new Error('storage.sync is not available'),
    );
    const result = await store.save(quote);
    expect(result).toMatchObject({ area: 'local', fallback: { reason: 'unavailable' } });
    expect(keys(store)).toEqual(['quote:100-c80f300c']);
  });
});

describe('saved versions of the stored data', () => {
  it('migrates the version 1 array into one key per favourite, losing nothing', async () => {
    await fakeBrowser.storage.sync.set(v1.sync);
    await fakeBrowser.storage.local.set(v1.local);
    const store = openStore();
    await store.refresh();
    expect(keys(store)).toEqual(['quote:100-c80f300c', 'link:klint', 'link:tokio']);
    const sync = await fakeBrowser.storage.sync.get();
    expect(sync.favourites).toBeUndefined();
    expect(sync.unrelatedSetting).toBe(true);
    expect(sync['fav:link:tokio']).toMatchObject({
      v: 2,
      title: 'Tokio',
      url: 'https://tokio.rs/',
    });
    expect(sync['fav:quote:100-c80f300c']).toMatchObject({ v: 2, start: 100, turn: 4 });
    expect(store.getState().setAside).toEqual([]);
    expect((await fakeBrowser.storage.local.get()).sidebarLayout).toEqual(v1.local.sidebarLayout);
  });

  it('reads version 2 as stored, merging sync and this device, rewriting nothing', async () => {
    await fakeBrowser.storage.sync.set(v2.sync);
    await fakeBrowser.storage.local.set(v2.local);
    const store = openStore();
    await store.refresh();
    expect(keys(store)).toEqual([
      'link:klint',
      'quote:100-c80f300c',
      'link:official-rust-for-linux',
      'link:tokio',
    ]);
    expect(store.getState().items[0]?.areas).toEqual(['local']);
    expect(store.getState().items.every((i) => i.record.v === 3)).toBe(true);
    expect(store.getState().syncFallback?.reason).toBe('quota');
    expect(store.getState().setAside).toEqual([]);
    // Version 2 is how a favourite without a note or clip is still stored: older versions of the
    // extension on other browsers keep reading it, and upgrading spends no sync writes.
    expect(await fakeBrowser.storage.sync.get()).toEqual(v2.sync);
    expect(await fakeBrowser.storage.local.get()).toEqual(v2.local);
  });

  it('writes version 3 only for a favourite with a note or a clip', async () => {
    const store = openStore();
    await store.save(link('plain'));
    await store.save(link('noted'));
    await store.setNote('link:noted', 'a note');
    const sync = await fakeBrowser.storage.sync.get();
    expect(sync['fav:link:plain']).toEqual({ ...link('plain'), v: 2 });
    expect(sync['fav:link:noted']).toMatchObject({ v: 3, note: 'a note' });
    // A cleared note leaves when it was cleared (so no older copy with the note wins): still v3.
    await store.setNote('link:noted', '');
    const cleared = (await fakeBrowser.storage.sync.get('fav:link:noted'))['fav:link:noted'];
    expect(cleared).toMatchObject({ v: 3, editedAt: expect.any(Number) });
    expect(cleared).not.toHaveProperty('note');
  });

  it('reads version 3 as stored: notes, clips, and the newer copy on this device', async () => {
    await fakeBrowser.storage.sync.set(v3.sync);
    await fakeBrowser.storage.local.set(v3.local);
    const store = openStore();
    await store.refresh();
    const state = store.getState();
    expect(keys(store)).toEqual([
      'quote:263-7be8cc66',
      'link:klint',
      'quote:100-c80f300c',
      'link:tokio',
    ]);
    const byKey = new Map(state.items.map((i) => [i.key, i]));
    // Sync holds klint without the note it refused: the newer copy here is listed, as device-only.
    expect(byKey.get('link:klint')?.record.note).toBe('Try it on our driver.');
    expect(byKey.get('link:klint')?.areas).toEqual(['local']);
    expect(state.syncFallback?.reason).toBe('quota');
    expect(byKey.get('quote:263-7be8cc66')?.record).toMatchObject({
      lines: 3,
      end: 269.29,
      note: 'Crashing your own machine is part of the job.\nAsk the team how often ours do.',
    });
    expect(byKey.get('link:tokio')?.areas).toEqual(['sync']);
    expect(state.setAside).toEqual([]);
    // Nothing was rewritten, and the older sync copy stays for the other browsers.
    expect(await fakeBrowser.storage.sync.get()).toEqual(v3.sync);
    expect(await fakeBrowser.storage.local.get()).toEqual(v3.local);
  });
});

describe('stored data that does not validate', () => {
  const corrupt: Record<string, unknown> = {
    'fav:link:not-json-like': 'just a string',
    'fav:link:wrong-types': {
      v: 2,
      kind: 'link',
      id: 'x',
      title: 42,
      url: 'nope',
      savedAt: 'today',
    },
    'fav:song:unknown-kind': { v: 2, kind: 'song', id: 'y', savedAt: 1 },
    'fav:link:javascript': { ...link('js'), url: 'javascript:alert(1)' },
  };

  it('sets each one aside with its raw value and reason, keeps the good ones, never throws', async () => {
    await fakeBrowser.storage.sync.set({ ...corrupt, 'fav:link:tokio': link('tokio') });
    const store = openStore();
    await store.refresh();
    const state = store.getState();
    expect(state.error).toBeNull();
    expect(keys(store)).toEqual(['link:tokio']);
    expect(state.setAside.map((e) => e.storedKey).sort()).toEqual(Object.keys(corrupt).sort());
    for (const entry of state.setAside) {
      expect(entry.raw).toEqual(corrupt[entry.storedKey]);
      expect(entry.reason).not.toBe('');
    }
    // Moved, not copied: sync no longer holds them; local holds them under quarantine keys.
    const sync = await fakeBrowser.storage.sync.get();
    expect(Object.keys(sync)).toEqual(['fav:link:tokio']);
    const other = openStore();
    await other.refresh();
    expect(other.getState().setAside).toHaveLength(4);
  });

  it('leaves values of a newer version untouched and reports them', async () => {
    const future = { v: 4, kind: 'link', id: 'future', whatever: true };
    await fakeBrowser.storage.sync.set({ 'fav:link:future': future });
    const store = openStore();
    await store.refresh();
    expect(store.getState().newer).toEqual([
      { area: 'sync', storedKey: 'fav:link:future', version: 4 },
    ]);
    expect(await fakeBrowser.storage.sync.get('fav:link:future')).toEqual({
      'fav:link:future': future,
    });
  });

  it('sets aside a version 1 value that is not an array, and bad entries inside one', async () => {
    await fakeBrowser.storage.sync.set({
      favourites: [
        {
          type: 'link',
          linkId: 'tokio',
          title: 'Tokio',
          url: 'https://tokio.rs/',
          added: '2026-01-01',
        },
        { type: 'quote', text: '' },
      ],
    });
    await fakeBrowser.storage.local.set({ favourites: { broken: true } });
    const store = openStore();
    await store.refresh();
    expect(keys(store)).toEqual(['link:tokio']);
    expect(
      store
        .getState()
        .setAside.map((e) => `${e.area}:${e.storedKey}`)
        .sort(),
    ).toEqual(['local:favourites', 'sync:favourites[1]']);
  });

  it('can discard set-aside values once the listener chooses to', async () => {
    await fakeBrowser.storage.sync.set({ 'fav:link:bad': 7 });
    const store = openStore();
    await store.refresh();
    expect(store.getState().setAside).toHaveLength(1);
    await store.discardSetAside();
    expect(store.getState().setAside).toEqual([]);
  });

  it('migrates a lone version 1 entry stored under a key of its own', async () => {
    await fakeBrowser.storage.sync.set({
      'fav:whatever': {
        type: 'link',
        linkId: 'aya',
        title: 'Aya',
        url: 'https://aya-rs.dev/',
        added: '2026-05-22T08:00:00Z',
      },
    });
    const store = openStore();
    await store.refresh();
    expect(keys(store)).toEqual(['link:aya']);
    expect(Object.keys(await fakeBrowser.storage.sync.get())).toEqual(['fav:link:aya']);
  });
});

it('makes a link favourite from a resource link', () => {
  expect(
    linkFavouriteFromResource(
      {
        id: 'aya',
        title: 'Aya',
        note: '',
        url: 'https://aya-rs.dev/',
        group: 'tools',
        mentions: [],
      },
      5,
    ),
  ).toEqual({
    v: 3,
    kind: 'link',
    id: 'aya',
    source: 'resource',
    title: 'Aya',
    url: 'https://aya-rs.dev/',
    savedAt: 5,
  });
});

describe('when storage itself fails', () => {
  it('keeps and shows a value it could not move aside, with the error', async () => {
    await fakeBrowser.storage.sync.set({
      'fav:link:bad': 'garbage',
      'fav:link:tokio': link('tokio'),
    });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('disk full'));
    const store = openStore();
    await store.refresh();
    const state = store.getState();
    expect(keys(store)).toEqual(['link:tokio']);
    expect(state.error).toMatch(/disk full/);
    expect(state.setAside).toMatchObject([{ storedKey: 'fav:link:bad', raw: 'garbage' }]);
    expect(await fakeBrowser.storage.sync.get('fav:link:bad')).toEqual({
      'fav:link:bad': 'garbage',
    });
  });

  it('shows version 1 favourites from memory while their migration cannot be written', async () => {
    await fakeBrowser.storage.sync.set(v1.sync);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(
      new Error('MAX_ITEMS quota exceeded'),
    );
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('disk full'));
    const store = openStore();
    await store.refresh();
    expect(keys(store)).toEqual(['quote:100-c80f300c', 'link:klint', 'link:tokio']);
    expect((await fakeBrowser.storage.sync.get('favourites')).favourites).toEqual(
      v1.sync.favourites,
    );
    expect(store.getState().error).toMatch(/version 1/);
  });
});

describe('any interleaving of two tabs', () => {
  it('ends with exactly the favourites whose last action was a save', async () => {
    // Each tab works on its own ids, in order; the two tabs run at the same time.
    const action = fc.record({ id: fc.integer({ min: 0, max: 5 }), save: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { maxLength: 12 }),
        fc.array(action, { maxLength: 12 }),
        async (a, b) => {
          for (const s of stores.splice(0)) s.dispose();
          fakeBrowser.reset();
          const tabs = [openStore(), openStore()];
          const run = async (tab: FavouritesStore, name: string, actions: typeof a) => {
            for (const { id, save } of actions) {
              if (save) await tab.save(link(`${name}${id}`, id));
              else await tab.remove(`link:${name}${id}`);
            }
          };
          await Promise.all([run(tabs[0]!, 'a', a), run(tabs[1]!, 'b', b)]);
          const expected = new Set<string>();
          for (const [name, actions] of [
            ['a', a],
            ['b', b],
          ] as const) {
            const last = new Map(actions.map((x) => [x.id, x.save]));
            for (const [id, saved] of last) if (saved) expected.add(`link:${name}${id}`);
          }
          const fresh = openStore();
          await fresh.refresh();
          expect(keys(fresh).sort()).toEqual([...expected].sort());
        },
      ),
      { numRuns: 40 },
    );
  });
});

it('shows a damaged set-aside value too, and discarding removes only quarantine copies', async () => {
  await fakeBrowser.storage.local.set({ 'fav-quarantine:sync:fav:link:x': 'mangled' });
  await fakeBrowser.storage.sync.set({ 'fav:link:bad': 7 });
  const store = openStore();
  await store.refresh();
  expect(
    store
      .getState()
      .setAside.map((e) => e.reason)
      .sort(),
  ).toEqual([expect.stringMatching(/not a favourite/), 'unreadable set-aside value']);
  await store.discardSetAside();
  expect(store.getState().setAside).toEqual([]);
  expect(await fakeBrowser.storage.local.get()).toEqual({});
});
