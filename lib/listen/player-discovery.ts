/**
 * Finds the page's player: every `<audio>`/`<video>` in the document, in same-origin iframes
 * (the show site's embed writes a srcless frame and creates its `<audio>` late) and in open
 * shadow roots, then picks the one that is this episode. Everything takes the document and an
 * AbortSignal as parameters, so it runs the same in the content script and in tests.
 *
 * Elements are recognised by tag name, not `instanceof`: nodes of an iframe come from another
 * realm, where `instanceof HTMLMediaElement` of the top frame is false.
 */

export interface MediaCandidate {
  /** `paused`, `ended`, `duration` and `currentSrc` are all the ranking reads. */
  readonly paused: boolean;
  readonly ended: boolean;
  readonly duration: number;
  readonly currentSrc: string;
}

export interface DiscoveryOptions {
  /** Shadow roots never searched: the companion's own. */
  exclude?: (root: ShadowRoot) => boolean;
}

/** Frames and shadow roots nest; deeper than this is a page building something pathological. */
const MAX_DEPTH = 8;

const isMedia = (el: Element): el is HTMLMediaElement =>
  el.localName === 'audio' || el.localName === 'video';

/** The document and every same-origin frame document and open shadow root inside it. */
export function mediaRoots(
  doc: Document,
  options: DiscoveryOptions = {},
): Array<Document | ShadowRoot> {
  const roots = new Set<Document | ShadowRoot>();
  const visit = (root: Document | ShadowRoot, depth: number) => {
    if (depth > MAX_DEPTH || roots.has(root)) return;
    roots.add(root);
    for (const el of root.querySelectorAll('*')) {
      const shadow = el.shadowRoot;
      if (shadow && !options.exclude?.(shadow)) visit(shadow, depth + 1);
      if (el.localName === 'iframe' || el.localName === 'frame') {
        const inner = frameDocument(el as HTMLIFrameElement);
        if (inner) visit(inner, depth + 1);
      }
    }
  };
  visit(doc, 0);
  return [...roots];
}

/** The frame's document when the page's origin may read it, else undefined (never throws). */
export function frameDocument(frame: HTMLIFrameElement): Document | undefined {
  try {
    return frame.contentDocument ?? undefined;
  } catch {
    return undefined;
  }
}

/** Every media element in the document, its same-origin frames and open shadow roots. */
export function findMediaElements(
  doc: Document,
  options: DiscoveryOptions = {},
): HTMLMediaElement[] {
  return mediaRoots(doc, options).flatMap((root) =>
    [...root.querySelectorAll('audio, video')].filter(isMedia),
  );
}

/** True when `duration` is this episode's length, give or take an intro or an outro. */
export function durationFits(duration: number, expected: number): boolean {
  if (!Number.isFinite(duration) || duration <= 0 || !(expected > 0)) return false;
  return Math.abs(duration - expected) <= Math.max(60, expected * 0.05);
}

/**
 * How likely `media` is the episode's player: playing beats everything (it is what the listener
 * hears), then a duration that fits, then having a source at all. A known duration that does not
 * fit (an ad, a trailer) counts against it.
 */
export function mediaScore(media: MediaCandidate, expectedDuration: number): number {
  let score = 0;
  if (!media.paused && !media.ended) score += 4;
  if (durationFits(media.duration, expectedDuration)) score += 2;
  else if (Number.isFinite(media.duration) && media.duration > 0) score -= 1;
  if (media.currentSrc) score += 1;
  return score;
}

/** The best candidate; ties go to the first in document order. */
export function pickMedia<M extends MediaCandidate>(
  candidates: readonly M[],
  expectedDuration: number,
): M | undefined {
  let best: M | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const media of candidates) {
    const score = mediaScore(media, expectedDuration);
    if (score > bestScore) {
      best = media;
      bestScore = score;
    }
  }
  return best;
}

export interface WatchOptions extends DiscoveryOptions {
  signal: AbortSignal;
  expectedDuration: number;
  /** Called with the chosen element whenever the choice changes (undefined: none any more). */
  onChange: (media: HTMLMediaElement | undefined) => void;
  /** How a rescan is deferred; mutations come in bursts, one scan per burst is enough. */
  defer?: (run: () => void) => void;
}

/** Media events after which the choice may change (on each element: they do not bubble). */
const MEDIA_EVENTS = ['play', 'pause', 'ended', 'loadedmetadata', 'durationchange', 'emptied'];

/**
 * Watches `doc` for the player as it appears, changes and goes away, and reports the best choice
 * through `onChange`. The document is walked once; after that only what changes is looked at: the
 * nodes a mutation adds (and their subtrees), frames as they load, shadow roots found on the way.
 * A page that rewrites its own text all the time (the host page's transcript and clock) costs
 * next to nothing, as text changes add no element. Observers and listeners end with `signal`.
 */
export function watchMedia(doc: Document, options: WatchOptions): void {
  const { signal, expectedDuration, onChange } = options;
  if (signal.aborted) return;
  const defer = options.defer ?? ((run) => setTimeout(run, 50));
  const observers = new Map<Document | ShadowRoot, MutationObserver>();
  const frames = new WeakSet<Element>();
  /** Each frame's document as last watched: a reloaded frame's old one is let go. */
  const frameDocs = new WeakMap<Element, Document>();
  const known = new Set<HTMLMediaElement>();
  let chosen: HTMLMediaElement | undefined;
  let pending = false;

  const choose = () => {
    for (const media of known) if (!media.isConnected) known.delete(media);
    const best = pickMedia([...known], expectedDuration);
    if (best !== chosen) {
      chosen = best;
      onChange(best);
    }
  };
  const schedule = () => {
    if (pending || signal.aborted) return;
    pending = true;
    defer(() => {
      pending = false;
      if (!signal.aborted) choose();
    });
  };

  const addMedia = (media: HTMLMediaElement) => {
    if (known.has(media)) return;
    known.add(media);
    for (const type of MEDIA_EVENTS) media.addEventListener(type, schedule, { signal });
  };

  /** Looks through `node` and its subtree for media, frames and open shadow roots. */
  const explore = (node: Element | Document | ShadowRoot, depth: number) => {
    if (depth > MAX_DEPTH) return;
    const check = (el: Element) => {
      if (isMedia(el)) addMedia(el);
      const shadow = el.shadowRoot;
      if (shadow && !options.exclude?.(shadow)) watchRoot(shadow, depth + 1);
      if (el.localName === 'iframe' || el.localName === 'frame') watchFrame(el, depth + 1);
    };
    if (node.nodeType === 1) check(node as Element);
    for (const el of node.querySelectorAll('*')) check(el);
  };

  /** Observes `root` (again, after a frame's document was rewritten) and explores it. */
  const watchRoot = (root: Document | ShadowRoot, depth: number, again = false) => {
    const existing = observers.get(root);
    if (existing && !again) return;
    existing?.disconnect();
    const view = (root.ownerDocument ?? (root as Document)).defaultView;
    const Observer = view?.MutationObserver ?? MutationObserver;
    const observer = new Observer((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node.nodeType === 1) explore(node as Element, depth);
      schedule();
    });
    observer.observe(root, { childList: true, subtree: true });
    observers.set(root, observer);
    explore(root, depth);
  };

  const watchFrame = (frame: Element, depth: number) => {
    if (!frames.has(frame)) {
      frames.add(frame);
      // A frame that navigates or finishes loading has a new (or rewritten) document.
      frame.addEventListener(
        'load',
        () => {
          const inner = frameDocument(frame as HTMLIFrameElement);
          const old = frameDocs.get(frame);
          if (old && old !== inner) {
            observers.get(old)?.disconnect();
            observers.delete(old);
          }
          if (inner) {
            frameDocs.set(frame, inner);
            watchRoot(inner, depth, true);
          }
          schedule();
        },
        { signal },
      );
    }
    const inner = frameDocument(frame as HTMLIFrameElement);
    if (inner) {
      frameDocs.set(frame, inner);
      watchRoot(inner, depth);
    }
  };

  signal.addEventListener('abort', () => {
    for (const observer of observers.values()) observer.disconnect();
  });
  watchRoot(doc, 0);
  choose();
}
