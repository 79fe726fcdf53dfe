/**
 * The transcript as a live companion of the page's player: the line being spoken carries
 * `aria-current` and stays in view, clicking a line plays from it, scrolling by hand pauses the
 * following ("Back to now" resumes it), and the sidebar's keyboard shortcuts.
 *
 * Time updates do not go through Preact: the current line is found by binary search and only the
 * two lines that change get their attribute and class toggled, so an update costs microseconds
 * however long the transcript is. Preact never manages those two attributes, so it leaves them be.
 */
import type { RefObject } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatQuote } from '@/lib/episode/quote';
import type { Episode } from '@/lib/episode/schema';
import {
  createCurrentSentence,
  indexOfSentence,
  neighbourSentence,
  sentenceTimeline,
  stepStart,
} from '@/lib/listen/follow-along';
import { highlightInPage } from '@/lib/listen/page-highlight';
import type { PlayerPort, PlayerPortSlot } from '@/lib/listen/player-port';
import { episodePageKind } from '@/lib/page/episode-pages';
import { copyQuoteText } from './CopyQuote';
import { sentenceId } from './TranscriptView';

export const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: string }> = [
  { keys: ['k'], action: 'Play or pause the page’s player' },
  { keys: ['j'], action: 'Back 10 seconds' },
  { keys: ['l'], action: 'Forward 10 seconds' },
  { keys: ['['], action: 'Previous line' },
  { keys: [']'], action: 'Next line' },
  { keys: ['Enter'], action: 'Play from the focused line' },
  { keys: ['n'], action: 'Back to now: follow playback again' },
  { keys: ['c'], action: 'Copy the current line as a quote' },
  { keys: ['/'], action: 'Search the transcript' },
  { keys: ['?'], action: 'Show or hide these shortcuts' },
];

const SKIP_SECONDS = 10;
/** Keys that scroll a focused panel: pressing them means the listener is reading elsewhere. */
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown']);

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
}

interface ListenAlongOptions {
  episode: Episode;
  player: PlayerPortSlot;
  /** The sidebar's root element (inside the shadow root). */
  rootRef: RefObject<HTMLElement>;
  /** The keyboard shortcuts disclosure, opened by `?`. */
  helpRef: RefObject<HTMLDetailsElement>;
}

export function useListenAlong({ episode, player, rootRef, helpRef }: ListenAlongOptions) {
  const timeline = useMemo(() => sentenceTimeline(episode), [episode]);
  const speakers = useMemo(() => new Map(episode.people.map((p) => [p.id, p.name])), [episode]);
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

  const pageKind = useMemo(() => episodePageKind(window.location), []);

  /** On the host page, whose own transcript is on the page: show the passage there too. */
  const showInPage = useCallback(
    (index: number) => {
      if (pageKind !== 'host-page') return;
      const text = (i: number) => {
        const ref = timeline.refs[i];
        return ref ? episode.transcript.turns[ref.turn]?.sentences[ref.sentence]?.text : undefined;
      };
      const passage = text(index);
      if (!passage) return;
      const shadowHost = (rootRef.current?.getRootNode() as ShadowRoot | undefined)?.host;
      const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      highlightInPage(document, passage, {
        before: text(index - 1),
        after: text(index + 1),
        expectedAt: index / Math.max(1, timeline.refs.length),
        skip: (el) => el === shadowHost,
        behavior: calm ? 'auto' : 'smooth',
      });
    },
    [pageKind, timeline, episode, rootRef],
  );

  /** A line or a search result was chosen: play from there and follow from there. */
  const openSentence = useCallback(
    (turn: number, sentence: number) => {
      const index = indexOfSentence(timeline, turn, sentence);
      const ref = timeline.refs[index];
      if (!ref) return;
      setFollow(true);
      if (player.hasPlayer()) player.current().seek(ref.start);
      showInPage(index);
    },
    [timeline, player, setFollow, showInPage],
  );

  const backToNow = useCallback(() => {
    setFollow(true);
    const line = live.marked ?? mark(live.current.get());
    if (line) scrollToLine(line, true);
  }, [live, mark, scrollToLine, setFollow]);

  const lineIndexOf = useCallback(
    (el: Element | null | undefined): number => {
      const line = el?.closest<HTMLElement>('.sentence');
      if (!line) return -1;
      return indexOfSentence(timeline, Number(line.dataset.turn), Number(line.dataset.sentence));
    },
    [timeline],
  );

  // Clicks on a line (not on its buttons, not while selecting text) play from it.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onClick = (event: MouseEvent) => {
      const target = event.target as Element;
      if (target.closest('button, a, input, summary, label')) return;
      const line = target.closest<HTMLElement>('.sentence');
      if (!line) return;
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed && selection.toString().trim()) return;
      line.focus({ preventScroll: true });
      openSentence(Number(line.dataset.turn), Number(line.dataset.sentence));
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, [rootRef, openSentence]);

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

  const copyLine = useCallback(
    (index: number) => {
      const ref = timeline.refs[index];
      if (!ref) return;
      const turn = episode.transcript.turns[ref.turn];
      const sentence = turn?.sentences[ref.sentence];
      if (!turn || !sentence) return;
      void copyQuoteText(
        formatQuote({
          text: sentence.text,
          speaker: speakers.get(turn.speaker) ?? turn.speaker,
          show: episode.show.title,
          seconds: sentence.start,
          pageUrl: window.location.href,
          timeParam: episode.episode.timeParam,
        }),
      );
    },
    [timeline, episode, speakers],
  );

  /** The sidebar's shortcuts; returns true when the key was one (and was handled). */
  const onKeyDown = useCallback(
    (event: KeyboardEvent): boolean => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
      const target = event.target as HTMLElement | null;
      if (isTyping(target)) return false;
      const port = player.current();
      const hasPlayer = player.hasPlayer();
      const now = hasPlayer ? port.currentTime() : undefined;
      const focusedLine = lineIndexOf(target);
      switch (event.key) {
        case 'Enter': {
          if (focusedLine < 0 || !target?.classList.contains('sentence')) return false;
          const ref = timeline.refs[focusedLine];
          if (ref) openSentence(ref.turn, ref.sentence);
          break;
        }
        case 'k':
          if (!hasPlayer || !port.togglePlay) return false;
          port.togglePlay();
          break;
        case 'j':
        case 'l':
          if (now === undefined) return false;
          port.seek(now + (event.key === 'l' ? SKIP_SECONDS : -SKIP_SECONDS));
          setFollow(true);
          break;
        case '[':
        case ']': {
          const delta = event.key === ']' ? 1 : -1;
          if (now !== undefined) {
            const start = stepStart(timeline.starts, now, delta);
            if (start === undefined) break;
            setFollow(true);
            port.seek(start);
          } else {
            // No player: walk the lines by focus; Enter then opens the host page's time links.
            const next = neighbourSentence(timeline.refs.length, focusedLine, delta);
            const line = lineElement(next);
            if (line) {
              line.focus({ preventScroll: true });
              scrollToLine(line, false);
            }
          }
          break;
        }
        case 'n':
          backToNow();
          break;
        case 'c': {
          const index = focusedLine >= 0 ? focusedLine : live.current.get();
          if (index < 0) return false;
          copyLine(index);
          break;
        }
        case '?': {
          const help = helpRef.current;
          if (!help) return false;
          help.open = !help.open;
          if (help.open) help.querySelector('summary')?.focus();
          break;
        }
        default:
          return false;
      }
      event.preventDefault();
      return true;
    },
    [
      player,
      lineIndexOf,
      timeline,
      openSentence,
      setFollow,
      lineElement,
      scrollToLine,
      backToNow,
      live,
      copyLine,
      helpRef,
    ],
  );

  return {
    following,
    /** Following is paused while there is a line being spoken to go back to. */
    showBackToNow: !following && hasNow,
    backToNow,
    openSentence,
    /** Showing a passage without playing it: following would scroll it away, so it pauses. */
    pauseFollowing: useCallback(() => setFollow(false), [setFollow]),
    onKeyDown,
  };
}
