/**
 * Storage errors the favourites store used to swallow (issue 14): each now has an outcome the
 * listener can see, and nothing stored is lost.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type LinkFavourite, toStored } from '@/lib/favourites/schema';
import { createFavouritesStore, type FavouritesStore } from '@/lib/favourites/store';

const link = (id: string, savedAt = 1_000, title = `Title ${id}`): LinkFavourite => ({
  v: 3,
  kind: 'link',
  id,
  source: 'resource',
  title,
  url: `https://example.org/${id}`,
  savedAt,
});

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

describe('remove', () => {
  it('reports a removal storage refused, and the item stays listed', async () => {
    const store = openStore();
    await store.save(link('tokio'));
    vi.spyOn(fakeBrowser.storage.sync, 'remove').mockRejectedValue(new Error('disk busy'));
    await expect(store.remove('link:tokio')).rejects.toThrow(/disk busy/);
    expect(keys(store)).toEqual(['link:tokio']);
    expect(await fakeBrowser.storage.sync.get('fav:link:tokio')).toEqual({
      'fav:link:tokio': toStored(link('tokio')),
    });
  });
});

describe('save', () => {
  it('reports a sync save whose old device copy could not be deleted as saved to sync', async () => {
    const store = openStore();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(
      new Error('QUOTA_BYTES quota exceeded'),
    );
    await store.save(link('tokio', 1));
    expect(store.getState().items[0]?.areas).toEqual(['local']);
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValue(new Error('disk busy'));
    const result = await store.save(link('tokio', 2));
    expect(result).toMatchObject({ area: 'sync', fallback: null });
    expect(result.staleLocalCopy).toMatch(/disk busy/);
    // No second device copy was written: the old one is merely left behind.
    expect(localSet.mock.calls.filter(([items]) => 'fav:link:tokio' in items)).toEqual([]);
    expect(await fakeBrowser.storage.sync.get('fav:link:tokio')).toEqual({
      'fav:link:tokio': toStored(link('tokio', 2)),
    });
    expect(store.getState().items).toMatchObject([
      // The copy left behind is older: the latest lives in sync only.
      { key: 'link:tokio', record: link('tokio', 2), areas: ['sync'] },
    ]);
    expect(store.getState().syncFallback).toBeNull();
  });

  it('cleans up a device copy once sync holds the same or a newer one', async () => {
    await fakeBrowser.storage.sync.set({ 'fav:link:tokio': link('tokio', 2) });
    await fakeBrowser.storage.local.set({ 'fav:link:tokio': link('tokio', 1) });
    const store = openStore();
    await store.refresh();
    expect(store.getState().items).toMatchObject([{ record: link('tokio', 2), areas: ['sync'] }]);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });
});

describe('repair', () => {
  it('records why version 1 favourites went to this device instead of sync', async () => {
    await fakeBrowser.storage.sync.set({
      favourites: [
        {
          type: 'link',
          linkId: 'aya',
          title: 'Aya',
          url: 'https://aya-rs.dev/',
          added: '2026-01-01',
        },
      ],
    });
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(
      new Error('storage.sync is disabled by policy'),
    );
    const store = openStore();
    await store.refresh();
    expect(store.getState().items).toMatchObject([{ key: 'link:aya', areas: ['local'] }]);
    expect(store.getState().syncFallback).toMatchObject({
      reason: 'unavailable',
      message: 'storage.sync is disabled by policy',
    });
    expect(store.getState().notes.join(' ')).toMatch(/1 version 1 favourite.*this device/);
  });

  it('keeps a version 1 record whose key already exists: the newer wins, the other is set aside', async () => {
    await fakeBrowser.storage.sync.set({
      'fav:link:tokio': link('tokio', Date.parse('2026-01-01'), 'Tokio (newer)'),
      favourites: [
        {
          type: 'link',
          linkId: 'tokio',
          title: 'Tokio (older)',
          url: 'https://tokio.rs/',
          added: '2025-01-01',
        },
      ],
    });
    const store = openStore();
    await store.refresh();
    const state = store.getState();
    expect(state.items.map((i) => i.record)).toMatchObject([{ title: 'Tokio (newer)' }]);
    expect(state.setAside).toMatchObject([
      {
        area: 'sync',
        storedKey: 'favourites[0]',
        raw: { title: 'Tokio (older)' },
        reason: expect.stringMatching(/saved twice/),
      },
    ]);
    expect((await fakeBrowser.storage.sync.get()).favourites).toBeUndefined();
  });

  it('puts the newer version 1 record in place, setting aside the older stored one', async () => {
    await fakeBrowser.storage.sync.set({
      'fav:link:tokio': link('tokio', Date.parse('2025-01-01'), 'Tokio (older)'),
      favourites: [
        {
          type: 'link',
          linkId: 'tokio',
          title: 'Tokio (newer)',
          url: 'https://tokio.rs/',
          added: '2026-01-01',
        },
      ],
    });
    const store = openStore();
    await store.refresh();
    const state = store.getState();
    expect(state.items.map((i) => i.record)).toMatchObject([{ title: 'Tokio (newer)' }]);
    expect(state.setAside).toMatchObject([
      { storedKey: 'fav:link:tokio', raw: { title: 'Tokio (older)' } },
    ]);
  });

  it('drops a version 1 record identical to the stored one (nothing to keep twice)', async () => {
    await fakeBrowser.storage.sync.set({
      'fav:link:aya': {
        ...link('aya', Date.parse('2026-01-01'), 'Aya'),
        url: 'https://aya-rs.dev/',
      },
      favourites: [
        {
          type: 'link',
          linkId: 'aya',
          title: 'Aya',
          url: 'https://aya-rs.dev/',
          added: '2026-01-01',
        },
      ],
    });
    const store = openStore();
    await store.refresh();
    expect(keys(store)).toEqual(['link:aya']);
    expect(store.getState().setAside).toEqual([]);
  });
});

describe('set-aside values', () => {
  it('shows a set-aside entry without its stored key as unreadable, and discards it', async () => {
    const damaged = { reason: 'looked fine', raw: 1 };
    await fakeBrowser.storage.local.set({ 'fav-quarantine:sync:fav:link:x': damaged });
    const store = openStore();
    await store.refresh();
    expect(store.getState().setAside).toMatchObject([
      { area: 'sync', storedKey: 'fav:link:x', raw: damaged, reason: 'unreadable set-aside value' },
    ]);
    await expect(store.discardSetAside()).resolves.toBeUndefined();
    expect(store.getState().setAside).toEqual([]);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });
});
