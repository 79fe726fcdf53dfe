/** Code loaded after the first paint: a module that fails to load is said, never swallowed. */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { lazyModule, loadFailure, useLazyModule } from '@/components/lazy';

let root: HTMLElement;

beforeEach(() => {
  const { window, document } = parseHTML('<!DOCTYPE html><html><body><div></div></body></html>');
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  root = document.querySelector('div') as unknown as HTMLElement;
});

afterEach(() => {
  render(null, root);
  vi.unstubAllGlobals();
});

function Shows({ module }: { module: ReturnType<typeof lazyModule<{ text: string }>> }) {
  const loaded = useLazyModule(module);
  if (loaded instanceof Error) return <p role="alert">{loadFailure(loaded)}</p>;
  return <p>{loaded ? loaded.text : 'loading'}</p>;
}

it('renders the module once it has loaded, loading it once', async () => {
  const importer = vi.fn(async () => ({ text: 'loaded' }));
  const module = lazyModule(importer);
  await act(async () => {
    render(<Shows module={module} />, root);
  });
  await act(async () => {
    await module.load();
  });
  expect(root.textContent).toBe('loaded');
  expect(importer).toHaveBeenCalledTimes(1);
});

it('shows why a module could not be loaded', async () => {
  const module = lazyModule<{ text: string }>(async () => {
    throw new Error('Failed to fetch dynamically imported module');
  });
  await act(async () => {
    render(<Shows module={module} />, root);
  });
  await act(async () => {
    await module.load().catch(() => undefined);
  });
  expect(root.querySelector('[role="alert"]')?.textContent).toContain(
    'could not be loaded (Failed to fetch dynamically imported module)',
  );
});
