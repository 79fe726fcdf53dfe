import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  durationFits,
  findMediaElements,
  type MediaCandidate,
  pickMedia,
  watchMedia,
} from '@/lib/listen/player-discovery';

const EPISODE = 2957;

function page(html: string): Document {
  return parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`)
    .document as unknown as Document;
}

/** linkedom has no media playback: give an element the state the ranking reads. */
function media(el: Element | null, state: Partial<MediaCandidate>): HTMLMediaElement {
  if (!el) throw new Error('no element');
  Object.defineProperties(el, {
    paused: { value: state.paused ?? true, configurable: true },
    ended: { value: state.ended ?? false, configurable: true },
    duration: { value: state.duration ?? Number.NaN, configurable: true },
    currentSrc: { value: state.currentSrc ?? '', configurable: true },
  });
  return el as HTMLMediaElement;
}

/** A srcless iframe whose document the page wrote itself, as the show site's embed does. */
function withFrameDocument(frame: Element | null, inner: Document): void {
  Object.defineProperty(frame, 'contentDocument', { value: inner, configurable: true });
}

const candidate = (state: Partial<MediaCandidate>): MediaCandidate => ({
  paused: true,
  ended: false,
  duration: Number.NaN,
  currentSrc: '',
  ...state,
});

describe('durationFits', () => {
  it.each([
    [EPISODE, true],
    [49 * 60, true],
    [EPISODE + 120, true],
    [EPISODE - 200, false],
    [30, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('%s s against a %s s episode → %s', (duration, fits) => {
    expect(durationFits(duration, EPISODE)).toBe(fits);
  });
});

describe('pickMedia', () => {
  it('prefers the element that is playing', () => {
    const idle = candidate({ duration: EPISODE, currentSrc: 'a.mp3' });
    const playing = candidate({ paused: false, duration: 30, currentSrc: 'ad.mp4' });
    expect(pickMedia([idle, playing], EPISODE)).toBe(playing);
  });

  it('among paused ones, prefers the one whose duration fits the episode', () => {
    const trailer = candidate({ duration: 45, currentSrc: 'trailer.mp4' });
    const episode = candidate({ duration: 2940, currentSrc: 'episode.mp3' });
    expect(pickMedia([trailer, episode], EPISODE)).toBe(episode);
  });

  it('keeps document order on a tie, and an element without metadata over a misfit', () => {
    const first = candidate({ currentSrc: 'a.mp3' });
    const second = candidate({ currentSrc: 'b.mp3' });
    const ad = candidate({ duration: 15, currentSrc: 'ad.mp3' });
    expect(pickMedia([ad, first, second], EPISODE)).toBe(first);
  });

  it('does not count an ended element as playing', () => {
    const ended = candidate({ paused: false, ended: true, duration: 20, currentSrc: 'x' });
    const fits = candidate({ duration: EPISODE, currentSrc: 'y' });
    expect(pickMedia([ended, fits], EPISODE)).toBe(fits);
  });

  it('returns undefined when there is nothing', () => {
    expect(pickMedia([], EPISODE)).toBeUndefined();
  });
});

describe('findMediaElements', () => {
  it('finds audio in the page, in a srcless same-origin frame and in open shadow roots', () => {
    const doc = page('<audio id="top"></audio><iframe></iframe><div id="widget"></div>');
    const frameDoc = page('<div class="pwp"></div><audio id="framed"></audio>');
    withFrameDocument(doc.querySelector('iframe'), frameDoc);
    const shadow = doc.getElementById('widget')!.attachShadow({ mode: 'open' });
    const video = doc.createElement('video');
    video.id = 'shadowed';
    shadow.append(video);
    expect(findMediaElements(doc).map((m) => m.id)).toEqual(['top', 'framed', 'shadowed']);
  });

  it('skips excluded shadow roots (the companion’s own) and frames it may not read', () => {
    const doc = page('<div id="companion"></div><iframe id="other"></iframe>');
    const own = doc.getElementById('companion')!.attachShadow({ mode: 'open' });
    own.append(doc.createElement('audio'));
    Object.defineProperty(doc.getElementById('other'), 'contentDocument', {
      get() {
        throw new Error('Blocked a frame from accessing a cross-origin frame');
      },
    });
    expect(findMediaElements(doc, { exclude: (root) => root === own })).toEqual([]);
  });
});

describe('watchMedia', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('reports the player when the embed adds it to its frame later, and when it goes', async () => {
    const doc = page('<div class="embed"></div>');
    const frameDoc = page('');
    const controller = new AbortController();
    const seen: Array<string | undefined> = [];
    watchMedia(doc, {
      signal: controller.signal,
      expectedDuration: EPISODE,
      defer: (run) => queueMicrotask(run),
      onChange: (m) => seen.push(m?.id),
    });
    expect(seen).toEqual([]);

    const iframe = doc.createElement('iframe');
    withFrameDocument(iframe, frameDoc);
    doc.querySelector('.embed')!.append(iframe);
    await tick();
    const audio = media(frameDoc.createElement('audio'), { duration: EPISODE, currentSrc: 'e' });
    audio.id = 'player';
    frameDoc.body.append(audio);
    await tick();
    expect(seen).toEqual(['player']);

    audio.remove();
    await tick();
    expect(seen).toEqual(['player', undefined]);

    controller.abort();
    frameDoc.body.append(audio);
    await tick();
    expect(seen).toEqual(['player', undefined]);
  });

  it('switches to another element when it starts playing', async () => {
    const doc = page('<audio id="a"></audio><video id="b"></video>');
    media(doc.getElementById('a'), { duration: EPISODE, currentSrc: 'a' });
    const b = media(doc.getElementById('b'), { duration: 30, currentSrc: 'b' });
    const controller = new AbortController();
    const seen: Array<string | undefined> = [];
    watchMedia(doc, {
      signal: controller.signal,
      expectedDuration: EPISODE,
      defer: (run) => queueMicrotask(run),
      onChange: (m) => seen.push(m?.id),
    });
    expect(seen).toEqual(['a']);
    media(b, { paused: false, duration: 30, currentSrc: 'b' });
    b.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event('play'));
    await tick();
    expect(seen).toEqual(['a', 'b']);
    controller.abort();
  });
});
