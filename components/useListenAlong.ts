/**
 * The transcript as a live companion of the page's player: it follows playback
 * (`useFollowPlayer`), clicking a line plays from it and shows it in the page's own transcript,
 * and the sidebar's keyboard shortcuts.
 */
import type { RefObject } from 'preact';
import { useCallback, useEffect, useMemo } from 'preact/hooks';
import { formatQuote } from '@/lib/episode/quote';
import type { Episode } from '@/lib/episode/schema';
import { indexOfSentence, neighbourSentence, stepStart } from '@/lib/listen/follow-along';
import type { PageLink } from '@/lib/listen/page-link';
import { copyQuoteText } from './CopyQuote';
import { isTyping } from './shortcuts';
import { useFollowPlayer } from './useFollowPlayer';

const SKIP_SECONDS = 10;

interface ListenAlongOptions {
  episode: Episode;
  page: PageLink;
  /** The sidebar's root element. */
  rootRef: RefObject<HTMLElement>;
  /** The keyboard shortcuts disclosure, opened by `?`. */
  helpRef: RefObject<HTMLDetailsElement>;
}

export function useListenAlong({ episode, page, rootRef, helpRef }: ListenAlongOptions) {
  const { player } = page;
  const speakers = useMemo(() => new Map(episode.people.map((p) => [p.id, p.name])), [episode]);
  const { timeline, live, following, hasNow, setFollow, lineElement, scrollToLine, backToNow } =
    useFollowPlayer(episode, player, rootRef);

  /** On the host page, whose own transcript is on the page: show the passage there too. */
  const showInPage = useCallback(
    (index: number) => {
      if (page.kind !== 'host-page') return;
      const text = (i: number) => {
        const ref = timeline.refs[i];
        return ref ? episode.transcript.turns[ref.turn]?.sentences[ref.sentence]?.text : undefined;
      };
      const passage = text(index);
      if (!passage) return;
      const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      page.highlight({
        passage,
        before: text(index - 1),
        after: text(index + 1),
        expectedAt: index / Math.max(1, timeline.refs.length),
        behavior: calm ? 'auto' : 'smooth',
      });
    },
    [page, timeline, episode],
  );
  // The passage marked in the page's transcript goes when the companion does.
  useEffect(() => () => page.clearHighlight(), [page]);

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
      // Shift+click grows a clip (useClip.ts): it does not play.
      if (event.shiftKey || target.closest('button, a, input, summary, label')) return;
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
          pageUrl: page.url,
          timeParam: episode.episode.timeParam,
        }),
      );
    },
    [timeline, episode, speakers, page],
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
