/**
 * The transcript's line actions: one small bar, "Save quote" and "Copy quote", beside the line
 * under the pointer or with keyboard focus, instead of two buttons after every sentence. The bar
 * lives in a slot element moved after the active line (a portal, so Preact only manages what is
 * inside it); its buttons name the line they act on (`aria-describedby`). Lines take focus by a
 * roving tabindex: one tab stop for the whole transcript, ↑/↓ move between lines.
 *
 * Saved lines keep a mark in the text (`is-saved`), set on the elements directly as favourites
 * change and as the transcript's later turns render, like the line being spoken.
 */
import type { RefObject } from 'preact';
import { createPortal } from 'preact/compat';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Episode } from '@/lib/episode/schema';
import { type FavouritesStore, getFavouritesStore } from '@/lib/favourites/store';
import { CopyQuote } from './CopyQuote';
import { type LineMark, linesFor, SaveQuoteToggle } from './SaveToggle';
import { sentenceId } from './TranscriptView';
import { useClip } from './useClip';
import { useFavouritesState } from './useFavourites';

interface Line {
  turn: number;
  sentence: number;
}

const lineOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('.sentence') : null;

export function LineActions({
  episode,
  listRef,
}: {
  episode: Episode;
  listRef: RefObject<HTMLElement>;
}) {
  const [active, setActive] = useState<Line | undefined>();
  const slot = useMemo(() => {
    const el = document.createElement('span');
    el.className = 'line-actions';
    return el;
  }, []);

  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const show = (line: HTMLElement | null) => {
      if (!line) return;
      const turn = Number(line.dataset.turn);
      const sentence = Number(line.dataset.sentence);
      if (line.nextSibling !== slot) line.after(slot);
      setActive((now) =>
        now?.turn === turn && now.sentence === sentence ? now : { turn, sentence },
      );
    };
    const onPointer = (event: PointerEvent) => {
      // Over the bar itself: it stays with its line.
      if (slot.contains(event.target as Node)) return;
      show(lineOf(event.target));
    };
    const onFocus = (event: FocusEvent) => {
      const line = lineOf(event.target);
      if (!line) return;
      // Roving tabindex: the focused line is the transcript's one tab stop.
      for (const other of list.querySelectorAll<HTMLElement>('.sentence[tabindex="0"]'))
        if (other !== line) other.tabIndex = -1;
      line.tabIndex = 0;
      show(line);
    };
    const onKey = (event: KeyboardEvent) => {
      // With Shift the arrows grow or shrink a clip (useClip.ts).
      if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || event.shiftKey) return;
      const line = lineOf(event.target);
      if (!line || event.target !== line) return;
      const lines = [...list.querySelectorAll<HTMLElement>('.sentence')];
      const next = lines[lines.indexOf(line) + (event.key === 'ArrowDown' ? 1 : -1)];
      if (!next) return;
      event.preventDefault();
      next.focus();
      next.scrollIntoView({ block: 'nearest' });
    };
    list.addEventListener('pointerover', onPointer);
    list.addEventListener('focusin', onFocus);
    list.addEventListener('keydown', onKey);
    return () => {
      list.removeEventListener('pointerover', onPointer);
      list.removeEventListener('focusin', onFocus);
      list.removeEventListener('keydown', onKey);
      slot.remove();
    };
  }, [listRef, slot]);

  const store = getFavouritesStore();
  useSavedMarks(episode, listRef, store);
  const { onSaved } = useClip(episode, listRef, store);
  const favourites = useFavouritesState(store);

  const turn = active && episode.transcript.turns[active.turn];
  const sentence = turn?.sentences[active?.sentence ?? -1];
  if (!active || !turn || !sentence) return null;
  const speaker = episode.people.find((p) => p.id === turn.speaker)?.name ?? turn.speaker;
  const describedBy = sentenceId(active.turn, active.sentence);
  // The tint that marks a clip's lines is not read out: the bar says it.
  const inClip = linesFor(favourites, episode).get(`${active.turn}:${active.sentence}`);
  return createPortal(
    <>
      {(inClip === 'clip' || inClip === 'clip-start') && (
        <span class="line-clip">In a saved clip</span>
      )}
      <SaveQuoteToggle
        key={describedBy}
        episode={episode}
        turn={active.turn}
        sentence={active.sentence}
        describedBy={describedBy}
        store={store}
        onSaved={(key, saving) => onSaved(key, active, saving)}
      />
      <CopyQuote
        text={sentence.text}
        speaker={speaker}
        seconds={sentence.start}
        describedBy={describedBy}
      />
    </>,
    slot,
  );
}

/**
 * Marks the saved lines as favourites change and as more turns render: `is-saved` on a saved
 * quote's line or a clip's first, `in-clip` on every line of a clip.
 */
function useSavedMarks(episode: Episode, listRef: RefObject<HTMLElement>, store: FavouritesStore) {
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    let saved = new Map<string, LineMark>();
    const apply = () => {
      const next = linesFor(store.getState(), episode);
      for (const [position, was] of saved)
        if (next.get(position) !== was) mark(list, position, undefined);
      for (const [position, now] of next) mark(list, position, now);
      saved = next;
    };
    apply();
    const unsubscribe = store.subscribe(apply);
    // Later turns render after opening: mark what they hold.
    const observer = new MutationObserver(() => {
      for (const [position, now] of saved) mark(list, position, now);
    });
    observer.observe(list, { childList: true });
    return () => {
      unsubscribe();
      observer.disconnect();
    };
  }, [episode, listRef, store]);
}

function mark(list: HTMLElement, position: string, how: LineMark | undefined) {
  const [turn, sentence] = position.split(':');
  const line = list.querySelector(`#${sentenceId(Number(turn), Number(sentence))}`);
  line?.classList.toggle('is-saved', how === 'saved' || how === 'clip-start');
  line?.classList.toggle('in-clip', how === 'clip-start' || how === 'clip');
}
