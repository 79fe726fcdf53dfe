import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { connectPagePlayer, createMediaPlayerPort } from '@/lib/listen/player-media-port';
import { createLinkPlayerPort, createPlayerPortSlot } from '@/lib/listen/player-port';

/** Just enough of a media element: time, play state and its events. */
class FakeMedia extends EventTarget {
  currentTime = 0;
  duration = 2940;
  paused = true;
  ended = false;
  currentSrc = 'episode.wav';
  async play() {
    this.paused = false;
    this.dispatchEvent(new Event('play'));
  }
  pause() {
    this.paused = true;
    this.dispatchEvent(new Event('pause'));
  }
}

const port = (media: FakeMedia) => createMediaPlayerPort(media as unknown as HTMLMediaElement);

describe('media player port', () => {
  it('seeks within the episode and keeps the play state', async () => {
    const media = new FakeMedia();
    const p = port(media);
    p.seek(1466);
    expect(media.currentTime).toBe(1466);
    expect(p.playing?.()).toBe(false);
    await media.play();
    p.seek(-5);
    expect(media.currentTime).toBe(0);
    p.seek(99999);
    expect(media.currentTime).toBe(2940);
    expect(p.playing?.()).toBe(true);
  });

  it('reports time updates and jumps until unsubscribed', () => {
    const media = new FakeMedia();
    const times: number[] = [];
    const stop = port(media).onTime((t) => times.push(t));
    media.currentTime = 12;
    media.dispatchEvent(new Event('timeupdate'));
    media.currentTime = 300;
    media.dispatchEvent(new Event('seeking'));
    stop();
    media.dispatchEvent(new Event('timeupdate'));
    expect(times).toEqual([12, 300]);
  });

  it('toggles play and pause', async () => {
    const media = new FakeMedia();
    const p = port(media);
    p.togglePlay?.();
    await Promise.resolve();
    expect(media.paused).toBe(false);
    p.togglePlay?.();
    expect(media.paused).toBe(true);
  });
});

describe('connectPagePlayer', () => {
  it('gives the slot the page’s audio, and links again once the companion goes away', () => {
    const { document } = parseHTML('<html><body><audio id="a"></audio></body></html>');
    const audio = document.getElementById('a')!;
    Object.defineProperties(audio, {
      paused: { value: true },
      ended: { value: false },
      duration: { value: 2940 },
      currentSrc: { value: 'episode.wav' },
    });
    const opened: string[] = [];
    const slot = createPlayerPortSlot(
      createLinkPlayerPort('https://example.org/ep', (u) => opened.push(u)),
    );
    const controller = new AbortController();
    connectPagePlayer(document as unknown as Document, slot, {
      signal: controller.signal,
      expectedDuration: 2957,
      defer: (run) => queueMicrotask(run),
    });
    expect(slot.hasPlayer()).toBe(true);
    slot.current().seek(42);
    expect((audio as unknown as { currentTime: number }).currentTime).toBe(42);
    expect(opened).toEqual([]);
    controller.abort();
    expect(slot.hasPlayer()).toBe(false);
  });
});
