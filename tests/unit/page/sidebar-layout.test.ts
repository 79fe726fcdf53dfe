import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  clampWidth,
  DEFAULT_WIDTH,
  layoutFor,
  MAX_WIDTH,
  MIN_WIDTH,
  withLayout,
} from '@/lib/page/sidebar-layout';
import { sidebarLayoutItem } from '@/lib/page/storage-layout';

describe('sidebar layout per site', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is closed at the default width on a site never seen', () => {
    expect(layoutFor({}, 'corrode.dev')).toEqual({ launcher: 'right', width: DEFAULT_WIDTH });
  });

  it.each([
    ['nothing stored', undefined],
    ['a string', 'open'],
    ['a broken entry', { 'corrode.dev': { launcher: 'up', width: 'wide' } }],
    ['a null entry', { 'corrode.dev': null }],
  ])('repairs %s instead of failing', (_label, stored) => {
    expect(layoutFor(stored, 'corrode.dev')).toEqual({ launcher: 'right', width: DEFAULT_WIDTH });
  });

  it('keeps each site apart', () => {
    let stored = withLayout({}, 'corrode.dev', { launcher: 'left' });
    stored = withLayout(stored, 'letscast.fm', { width: 500 });
    expect(layoutFor(stored, 'corrode.dev')).toEqual({ launcher: 'left', width: DEFAULT_WIDTH });
    expect(layoutFor(stored, 'letscast.fm')).toEqual({ launcher: 'right', width: 500 });
  });

  it('keeps widths within the limits and leaves room for the page on narrow windows', () => {
    expect(clampWidth(10)).toBe(MIN_WIDTH);
    expect(clampWidth(5000)).toBe(MAX_WIDTH);
    expect(clampWidth(Number.NaN)).toBe(DEFAULT_WIDTH);
    expect(clampWidth(700, 900)).toBe(600);
    expect(clampWidth(400, 360)).toBe(260);
  });

  it('round-trips through the declared storage item', async () => {
    expect(await sidebarLayoutItem.getValue()).toEqual({});
    await sidebarLayoutItem.setValue(
      withLayout(await sidebarLayoutItem.getValue(), 'corrode.dev', {
        launcher: 'hidden',
        width: 480,
      }),
    );
    expect(layoutFor(await sidebarLayoutItem.getValue(), 'corrode.dev')).toEqual({
      launcher: 'hidden',
      width: 480,
    });
    expect(await fakeBrowser.storage.local.get('sidebarLayout')).toEqual({
      sidebarLayout: { 'corrode.dev': { launcher: 'hidden', width: 480 } },
    });
  });
});
