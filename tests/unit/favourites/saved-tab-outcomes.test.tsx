/** What the listener sees in the Saved tab when storage refuses or changes something. */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SavedTab } from '@/components/SavedTab';
import type { LinkFavourite } from '@/lib/favourites/schema';
import { createFavouritesStore, type FavouritesStore } from '@/lib/favourites/store';

const tokio: LinkFavourite = {
  v: 3,
  kind: 'link',
  id: 'tokio',
  source: 'resource',
  title: 'Tokio',
  url: 'https://tokio.rs/',
  savedAt: 1,
};

let store: FavouritesStore;
let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  const { window, document } = parseHTML('<!DOCTYPE html><html><body><div></div></body></html>');
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
  root = document.querySelector('div') as unknown as HTMLElement;
  store = createFavouritesStore();
});

afterEach(() => {
  render(null, root);
  store.dispose();
  vi.unstubAllGlobals();
});

async function show() {
  await store.refresh();
  await act(() => render(<SavedTab store={store} onPlayQuote={() => {}} />, root));
}

const alerts = () => [...root.querySelectorAll('[role="alert"]')].map((e) => e.textContent);
const statuses = () => [...root.querySelectorAll('output')].map((e) => e.textContent);
const listed = () =>
  [...root.querySelectorAll('.saved-item .link-title')].map((e) => e.textContent);

it('says a removal failed when storage refuses it, and keeps the item listed', async () => {
  await store.save(tokio);
  await show();
  vi.spyOn(fakeBrowser.storage.sync, 'remove').mockRejectedValue(new Error('disk busy'));
  const button = root.querySelector('[aria-label="Remove Tokio"]') as HTMLButtonElement;
  button.click();
  await vi.waitFor(() => expect(alerts()).not.toEqual([]));
  expect(alerts()).toEqual(['Could not remove “Tokio”: it is still saved (sync: disk busy).']);
  expect(listed()).toEqual(['Tokio']);
  expect(root.textContent).not.toContain('Removed');
});

it('lists set-aside values with where they came from and why, as text only', async () => {
  await fakeBrowser.storage.local.set({
    'fav-quarantine:sync:fav:link:<img src=x onerror=alert(1)>': { broken: true },
  });
  await show();
  expect(root.querySelector('img')).toBeNull();
  expect(root.querySelector('.set-aside-list')?.textContent).toBe(
    'synced, fav:link:<img src=x onerror=alert(1)>: unreadable set-aside value',
  );
  expect(statuses()).toContain('1 saved item was set aside, not deleted:');
});

it('shows why version 1 favourites were kept on this device', async () => {
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
  vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('sync is off'));
  await show();
  expect(statuses().join(' ')).toMatch(
    /sync storage is not available \(1 item not synced .*the browser said: sync is off\)/,
  );
  expect(statuses().join(' ')).toMatch(/1 version 1 favourite was kept on this device only/);
});
