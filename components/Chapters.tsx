import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { chapterAt } from '@/lib/episode/chapters';
import type { Chapter } from '@/lib/episode/schema';
import type { PlayerPortSlot } from '@/lib/listen/player-port';
import { formatTime } from '@/lib/time';
import { useDisclosure } from './useDisclosure';

/** Index of the chapter being played; re-renders only when it changes (-1: nothing played yet). */
export function useCurrentChapter(chapters: readonly Chapter[], player: PlayerPortSlot): number {
  const [current, setCurrent] = useState(-1);
  useEffect(() => {
    if (chapters.length === 0) return;
    let stop = () => {};
    const update = (seconds: number) => setCurrent(chapterAt(chapters, seconds));
    const attach = () => {
      stop();
      const port = player.current();
      stop = port.onTime(update);
      const now = port.currentTime();
      setCurrent(now === undefined ? -1 : chapterAt(chapters, now));
    };
    attach();
    const unsubscribe = player.subscribe(attach);
    return () => {
      unsubscribe();
      stop();
    };
  }, [chapters, player]);
  return current;
}

interface ChaptersProps {
  chapters: readonly Chapter[];
  /** The chapter being played (-1: none yet). */
  current: number;
  /** A chapter was chosen: show its first turn and play from it. */
  onChoose: (chapter: Chapter) => void;
}

/**
 * The chapter being played, above the transcript, and the list of chapters it opens: choosing one
 * jumps the transcript and the player to it. Esc closes the list and gives focus back.
 */
export function Chapters({ chapters, current, onChoose }: ChaptersProps) {
  const { open, toggle, close, rootRef, toggleRef } = useDisclosure();
  const listRef = useRef<HTMLOListElement>(null);

  // Focus moves into the list as it opens, before the next key can land on the toggle.
  useLayoutEffect(() => {
    if (!open) return;
    const list = listRef.current;
    const focused =
      list?.querySelector<HTMLElement>('[aria-current="true"]') ??
      list?.querySelector<HTMLElement>('button');
    focused?.focus();
    focused?.scrollIntoView({ block: 'nearest' });
  }, [open]);

  if (chapters.length === 0) return null;
  const now = chapters[current];
  const label = now
    ? `Chapter ${current + 1} of ${chapters.length}`
    : `${chapters.length} chapters`;
  const title = now ? now.title : 'Jump to a topic';

  // Esc closes the open list from anywhere in it, the toggle included.
  const onRootKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLElement>('button') ?? [])];
    const at = buttons.indexOf(event.target as HTMLElement);
    const next = buttons[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Esc closes the disclosure from any of its buttons
    <div ref={rootRef} class="chapters" onKeyDown={onRootKeyDown}>
      <button
        ref={toggleRef}
        type="button"
        class="chapter-toggle"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls="chapter-list"
        aria-label={`${label}: ${title}`}
        onClick={toggle}
      >
        <span class="chapter-label">{label}</span>
        <span class="chapter-now">{title}</span>
        <span class="chapter-caret" aria-hidden="true" />
      </button>
      <nav id="chapter-list" class="chapter-nav" aria-label="Chapters" hidden={!open}>
        <ol ref={listRef} class="chapter-list" onKeyDown={onKeyDown}>
          {chapters.map((chapter, i) => (
            <li key={chapter.turn}>
              <button
                type="button"
                class="chapter-item"
                aria-current={i === current ? 'true' : undefined}
                onClick={() => {
                  onChoose(chapter);
                  close();
                }}
              >
                <span class="chapter-time">{formatTime(chapter.start)}</span>
                <span class="chapter-title">{chapter.title}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
    </div>
  );
}
