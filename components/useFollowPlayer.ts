/**
 * The transcript following the page's player: the line being spoken carries `aria-current` and
 * stays in view; scrolling by hand pauses the following until "Back to now".
 *
 * Time updates do not go through Preact: the current line is found by binary search and only the
 * two lines that change get their attribute and class toggled, so an update costs microseconds
 * however long the transcript is. Preact never manages those two attributes, so it leaves them be.
 */
import type { RefObject } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Episode } from '@/lib/episode/schema';
import { createCurrentSentence, sentenceTimeline } from '@/lib/listen/follow-along';
import type { PlayerPort, PlayerPortSlot } from '@/lib/listen/player-port';
import { isTyping } from './shortcuts';
import { sentenceId } from './TranscriptView';

/** Keys that scroll a focused panel: pressing them means the listener is reading elsewhere. */
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown']);

export function useFollowPlayer(
  episode: Episode,
  player: PlayerPortSlot,
  rootRef: RefObject<HTMLElement>,
) {
  const timeline = useMemo(() => sentenceTimeline(episode), [episode]);
  const [following, setFollowing] = useState(true);
  const [hasNow, setHasNow] = useState(false);
  // Read by the time handler, which must not wait for a render.
  const live = useRef({
    following: true,
    hasNow: false,
    current: createCurrentSentence(timeline.starts),
    marked: undefined as HTMLElement | undefined,
    scrollFrame: 0,
    renderObserver: undefined as MutationObserver | undefined,
  }).current;
  useEffect(
    () => () => {
      cancelAnimationFrame(live.scrollFrame);
      live.renderObserver?.disconnect();
    },
    [live],
  );

  const lineElement = useCallback(
    (index: number): HTMLElement | undefined => {
      const ref = timeline.refs[index];
      const root = rootRef.current?.getRootNode() as ShadowRoot | Document | undefined;
      if (!ref || !root) return undefined;
      return root.getElementById(sentenceId(ref.turn, ref.sentence)) ?? undefined;
    },
    [timeline, rootRef],
  );

  const scrollToLine = useCallback(
    (line: HTMLElement, always: boolean) => {
      const panel = line.closest<HTMLElement>('[role="tabpanel"]');
      if (!panel || panel.hidden) return;
      const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      const offset = () => {
        const box = panel.getBoundingClientRect();
        const at = line.getBoundingClientRect();
        // Comfortably in view already: leave the reader's position alone.
        const inView =
          at.top >= box.top + box.height * 0.1 && at.bottom <= box.bottom - box.height * 0.25;
        return { inView, delta: at.top - box.top - box.height / 3 };
      };
      const first = offset();
      if (!always && first.inView) return;
      // A long way off (a seek, a chapter): jump; smooth scrolling there takes seconds.
      const far = Math.abs(first.delta) > panel.clientHeight * 2;
      panel.scrollTo({
        top: panel.scrollTop + first.delta,
        behavior: calm || far ? 'auto' : 'smooth',
      });
      // Turns far off screen are laid out with estimated heights (content-visibility), so the
      // first scroll can land short; once it ends, correct it while still following.
      const correct = () => {
        if (!live.following || !line.isConnected || panel.hidden) return;
        const after = offset();
        if (!after.inView) panel.scrollTo({ top: panel.scrollTop + after.delta, behavior: 'auto' });
      };
      if (far || calm) requestAnimationFrame(() => requestAnimationFrame(correct));
      else if ('onscrollend' in panel) panel.addEventListener('scrollend', correct, { once: true });
      else setTimeout(correct, 400);
    },
    [live],
  );

  const setFollow = useCallback(
    (next: boolean) => {
      if (live.following === next) return;
      live.following = next;
      setFollowing(next);
    },
    [live],
  );

  /** Moves `aria-current` to line `index` (-1: none); touches only the two lines concerned. */
  const mark = useCallback(
    (index: number) => {
      const line = index >= 0 ? lineElement(index) : undefined;
      if (line === live.marked) return line;
      if (live.marked) {
        live.marked.removeAttribute('aria-current');
        live.marked.classList.remove('is-current');
      }
      live.marked = line;
      if (line) {
        line.setAttribute('aria-current', 'true');
        line.classList.add('is-current');
      }
      return line;
    },
    [lineElement, live],
  );

  const scheduleScroll = useCallback(() => {
    // The scroll check reads layout: once per frame at most, never inside the media event.
    if (!live.following || live.scrollFrame) return;
    live.scrollFrame = requestAnimationFrame(() => {
      live.scrollFrame = 0;
      if (live.marked && live.following) scrollToLine(live.marked, false);
    });
  }, [live, scrollToLine]);

  /**
   * The transcript renders progressively after opening; a current line that is not there yet is
   * marked as soon as its turn arrives, even while the player is paused (no time updates then).
   */
  const markWhenRendered = useCallback(() => {
    const list = rootRef.current?.querySelector('.transcript');
    if (!list || live.renderObserver) return;
    const observer = new MutationObserver(() => {
      if (live.current.get() < 0 || !mark(live.current.get())) return;
      observer.disconnect();
      live.renderObserver = undefined;
      scheduleScroll();
    });
    observer.observe(list, { childList: true });
    live.renderObserver = observer;
  }, [live, mark, rootRef, scheduleScroll]);

  const onTime = useCallback(
    (seconds: number) => {
      const change = live.current.update(seconds);
      // Unchanged and shown: nothing to do. A line not rendered yet is looked for again.
      if (!change && (live.marked?.isConnected || live.current.get() < 0)) return;
      const line = mark(live.current.get());
      if (line) scheduleScroll();
      else if (live.current.get() >= 0) markWhenRendered();
      if (!live.hasNow) {
        live.hasNow = true;
        setHasNow(true);
      }
    },
    [live, mark, scheduleScroll, markWhenRendered],
  );

  useEffect(() => {
    let stop = () => {};
    const attach = (port: PlayerPort) => {
      stop();
      stop = port.onTime(onTime);
      const now = port.currentTime();
      if (now !== undefined) {
        onTime(now);
      } else {
        live.current.reset();
        mark(-1);
        live.hasNow = false;
        setHasNow(false);
      }
    };
    attach(player.current());
    const unsubscribe = player.subscribe(attach);
    return () => {
      unsubscribe();
      stop();
    };
  }, [player, onTime, mark, live]);

  const backToNow = useCallback(() => {
    setFollow(true);
    const line = live.marked ?? mark(live.current.get());
    if (line) scrollToLine(line, true);
  }, [live, mark, scrollToLine, setFollow]);

  // Scrolling the transcript by hand pauses following (programmatic scrolls send none of these).
  useEffect(() => {
    const panel = rootRef.current?.querySelector<HTMLElement>('#panel-transcript');
    if (!panel) return;
    const pause = () => setFollow(false);
    const onKey = (event: KeyboardEvent) => {
      if (SCROLL_KEYS.has(event.key) && !isTyping(event.target)) pause();
      else if (event.key === ' ' && event.target === panel) pause();
    };
    // A press on the panel itself, not on its content, is a press on its scrollbar.
    const onPointer = (event: PointerEvent) => {
      if (event.target === panel) pause();
    };
    panel.addEventListener('wheel', pause, { passive: true });
    panel.addEventListener('touchmove', pause, { passive: true });
    panel.addEventListener('keydown', onKey);
    panel.addEventListener('pointerdown', onPointer);
    return () => {
      panel.removeEventListener('wheel', pause);
      panel.removeEventListener('touchmove', pause);
      panel.removeEventListener('keydown', onKey);
      panel.removeEventListener('pointerdown', onPointer);
    };
  }, [rootRef, setFollow]);

  return {
    timeline,
    live,
    following,
    hasNow,
    setFollow,
    mark,
    lineElement,
    scrollToLine,
    backToNow,
  };
}
