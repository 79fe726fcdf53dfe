import { describe, expect, it } from 'vitest';
import { createLinkPlayerPort, createPlayerPortSlot } from '@/lib/listen/player-port';

const HOST =
  'https://letscast.fm/sites/rust-in-production-82281512/episode/rust-for-linux-with-alice-ryhl-and-greg-kroah-hartman';

describe('link player port', () => {
  it('opens the host page at the moment asked for', () => {
    const opened: string[] = [];
    const port = createLinkPlayerPort(HOST, (url) => opened.push(url));
    port.seek(90);
    expect(opened).toEqual([`${HOST}?t=01%3A30`]);
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
    expect(opened).toEqual([`${HOST}?t=00%3A05`]);
  });
});
