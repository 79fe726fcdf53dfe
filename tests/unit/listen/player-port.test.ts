import { describe, expect, it } from 'vitest';
import {
  createLinkPlayerPort,
  createPlayerPortSlot,
  hostPageTimeUrl,
} from '@/lib/listen/player-port';

const HOST =
  'https://letscast.fm/sites/rust-in-production-82281512/episode/rust-for-linux-with-alice-ryhl-and-greg-kroah-hartman';

describe('hostPageTimeUrl', () => {
  it.each([
    [0, `${HOST}?t=0%3A00`],
    [1466, `${HOST}?t=24%3A26`],
    [3723.9, `${HOST}?t=1%3A02%3A03`],
  ])('%s s → %s', (seconds, url) => {
    expect(hostPageTimeUrl(HOST, seconds)).toBe(url);
  });

  it('replaces a query already on the address', () => {
    expect(hostPageTimeUrl(`${HOST}?t=1%3A00#x`, 61)).toBe(`${HOST}?t=1%3A01`);
  });
});

describe('link player port', () => {
  it('opens the host page at the moment asked for', () => {
    const opened: string[] = [];
    const port = createLinkPlayerPort(HOST, (url) => opened.push(url));
    port.seek(90);
    expect(opened).toEqual([`${HOST}?t=1%3A30`]);
    expect(port.currentTime()).toBeUndefined();
  });

  it('gives way to a real player once the bridge sets one, and back when it goes', () => {
    const opened: string[] = [];
    const slot = createPlayerPortSlot(createLinkPlayerPort(HOST, (url) => opened.push(url)));
    let at = 0;
    slot.set({
      seek: (s) => {
        at = s;
      },
      currentTime: () => at,
      onTime: () => () => {},
    });
    expect(slot.hasPlayer()).toBe(true);
    slot.current().seek(42);
    expect(at).toBe(42);
    expect(opened).toEqual([]);
    slot.set(undefined);
    expect(slot.hasPlayer()).toBe(false);
    slot.current().seek(5);
    expect(opened).toEqual([`${HOST}?t=0%3A05`]);
  });
});
