/**
 * Clips: a saved quote grown over the lines after it. The quote saved last from a line's save
 * action is the clip in the making; Shift+click on another line, or Shift+↓ on its last line,
 * makes it reach that line, and Shift+↑ on its last line takes that line off. Shift+↓ on a line
 * that ends no saved quote starts a clip of it and the next line. Every change replaces the stored
 * favourite, keeping when it was first saved and its note; writes go one at a time, the latest
 * extent winning, so holding Shift+↓ does not spend sync's write quota line by line.
 */
import type { RefObject } from 'preact';
import { useCallback, useEffect, useRef } from 'preact/hooks';
import type { Episode } from '@/lib/episode/schema';
import { compareLines, type LinePosition, nextLine, previousLine } from '@/lib/favourites/clips';
import { clipFavouriteFrom, resolveQuote } from '@/lib/favourites/episode';
import { TakenError } from '@/lib/favourites/notes';
import { CLIP_MAX_LINES, favouriteId, type QuoteFavourite } from '@/lib/favourites/schema';
import type { FavouritesStore, SaveResult } from '@/lib/favourites/store';
import { formatTime } from '@/lib/time';
import { announce } from './CopyQuote';
import { SYNC_FULL_MESSAGE, SYNC_UNAVAILABLE_MESSAGE } from './SaveToggle';

interface Extent {
  from: LinePosition;
  to: LinePosition;
}

const same = (a: LinePosition, b: LinePosition) => compareLines(a, b) === 0;
const positionOf = (line: HTMLElement): LinePosition => ({
  turn: Number(line.dataset.turn),
  sentence: Number(line.dataset.sentence),
});
const lineOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('.sentence') : null;

export function useClip(episode: Episode, listRef: RefObject<HTMLElement>, store: FavouritesStore) {
  /**
   * The clip in the making: which one (a new number for each clip begun), its stored key ('' before
   * its first write) and the extent asked for, maybe not written yet.
   */
  const open = useRef<
    | {
        clip: number;
        key: string;
        extent: Extent;
        written: Extent;
        /** Settles once the quote it grows from is stored. */
        ready?: Promise<void>;
      }
    | undefined
  >();
  const clips = useRef(0);
  /** A write is under way; the loop in `flush` writes whatever is asked for meanwhile. */
  const writing = useRef(false);

  /** The saved quote that ends on `at`, if any: the one Shift+↓ there grows. */
  const endingAt = useCallback(
    (at: LinePosition) => {
      for (const item of store.getState().items) {
        if (item.record.kind !== 'quote') continue;
        const found = resolveQuote(item.record, episode);
        if (found.resolved && same(found.last, at))
          return {
            key: item.key,
            extent: { from: { turn: found.turn, sentence: found.sentence }, to: at },
          };
      }
      return undefined;
    },
    [episode, store],
  );

  /** Writes the latest extent asked for; the one in flight finishes first. */
  const flush = useCallback(() => {
    if (writing.current) return;
    writing.current = true;
    const step = async () => {
      for (;;) {
        if (open.current?.ready) await open.current.ready;
        const wanted = open.current;
        const listed = wanted && store.getState().items.find((i) => i.key === wanted.key)?.record;
        const old = listed?.kind === 'quote' ? listed : undefined;
        // The stored note and first save time go along (replace reads them from storage).
        const record =
          wanted && clipFavouriteFrom(episode, wanted.extent.from, wanted.extent.to, old?.savedAt);
        const key = record && favouriteId(record);
        if (!wanted || !record || !key || (old && key === wanted.key)) {
          // Nothing (more) to write. Cleared in the same task as the check above, so an extent
          // asked for from now on starts a write of its own.
          writing.current = false;
          return;
        }
        if (!old && store.isSaved(key)) {
          // Exactly a passage saved already (Shift+↓ on a clip's first line): it is the clip in
          // the making now, unchanged, its note and all.
          open.current = { ...wanted, key, written: wanted.extent };
          announce(`Already saved: ${describe(record, undefined).replace(/^[^:]*: /, '')}`);
          continue;
        }
        let result: SaveResult;
        try {
          result = old ? await store.replace(wanted.key, record) : await store.save(record);
        } catch (error) {
          if (!(error instanceof TakenError)) throw error;
          // Another saved favourite is there: the clip stays as it was written.
          const now = open.current;
          if (now?.clip === wanted.clip) open.current = { ...now, extent: now.written };
          announce('Not changed: that passage is saved already, on its own or as another clip.');
          continue;
        }
        // Asked for more meanwhile: the next round replaces what was just written.
        const now = open.current;
        if (now?.clip === wanted.clip) open.current = { ...now, key, written: wanted.extent };
        if (now === wanted) announce(describe(record, result.fallback?.reason));
      }
    };
    step().catch((error: Error) => {
      open.current = undefined;
      writing.current = false;
      announce(`Could not save the clip: ${error.message}`);
    });
  }, [episode, store]);

  const describe = useCallback(
    (record: QuoteFavourite, fallback: 'quota' | 'unavailable' | undefined) => {
      const shown = resolveQuote(record, episode);
      const lines =
        shown.lines === 1 ? 'quote saved, 1 sentence' : `clip saved, ${shown.lines} sentences`;
      const where =
        fallback === 'quota'
          ? `. ${SYNC_FULL_MESSAGE}`
          : fallback === 'unavailable'
            ? `. ${SYNC_UNAVAILABLE_MESSAGE}`
            : '';
      const end = shown.end === undefined ? '' : ` to ${formatTime(shown.end)}`;
      return `${lines[0]?.toUpperCase()}${lines.slice(1)}: ${shown.speakerNames.join(' and ')}, ${formatTime(shown.start)}${end}${where}`;
    },
    [episode],
  );

  /** Asks for the clip to span `extent`; false when that is longer than a clip may be. */
  const reach = useCallback(
    (current: { key: string; extent: Extent } | undefined, extent: Extent) => {
      if (!clipFavouriteFrom(episode, extent.from, extent.to)) {
        announce(`A clip holds at most ${CLIP_MAX_LINES} sentences.`);
        return false;
      }
      // Growing the clip in the making keeps it; anything else begins another.
      if (current && current === open.current) open.current = { ...open.current, extent };
      else {
        const written = current?.extent ?? extent;
        open.current = { clip: ++clips.current, key: current?.key ?? '', extent, written };
      }
      flush();
      return true;
    },
    [episode, flush],
  );

  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted || !event.shiftKey || event.altKey || event.ctrlKey || event.metaKey)
        return;
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const line = lineOf(event.target);
      if (!line || event.target !== line) return;
      event.preventDefault();
      const at = positionOf(line);
      const current =
        open.current && same(open.current.extent.to, at) ? open.current : endingAt(at);
      let to: LinePosition | undefined;
      if (event.key === 'ArrowUp') {
        if (!current || same(current.extent.from, at)) return;
        to = previousLine(episode, at);
        if (!to || !reach(current, { from: current.extent.from, to })) return;
      } else {
        to = nextLine(episode, at);
        if (!to) return;
        const from = current?.extent.from ?? at;
        if (!reach(current, { from, to })) return;
      }
      const next = list.querySelector<HTMLElement>(
        `.sentence[data-turn="${to.turn}"][data-sentence="${to.sentence}"]`,
      );
      next?.focus();
      next?.scrollIntoView({ block: 'nearest' });
    };
    const onClick = (event: MouseEvent) => {
      if (!event.isTrusted || !event.shiftKey) return;
      const line = lineOf(event.target);
      if (!line || (event.target as Element).closest('button')) return;
      const current = open.current;
      if (!current) {
        announce('Save a line first, then Shift-click another line to make it a clip.');
        return;
      }
      const at = positionOf(line);
      const { from, to } = current.extent;
      // Before the start: the clip starts there; after it: the clip ends there.
      const extent = compareLines(at, from) < 0 ? { from: at, to } : { from, to: at };
      reach(current, extent);
    };
    // Shift+click would also select text from the last click.
    const onMouseDown = (event: MouseEvent) => {
      if (event.shiftKey && lineOf(event.target)) event.preventDefault();
    };
    list.addEventListener('keydown', onKey);
    list.addEventListener('click', onClick);
    list.addEventListener('mousedown', onMouseDown);
    return () => {
      list.removeEventListener('keydown', onKey);
      list.removeEventListener('click', onClick);
      list.removeEventListener('mousedown', onMouseDown);
    };
  }, [listRef, episode, endingAt, reach]);

  /** A line's save action is saving a quote: it is the clip in the making now. */
  const onSaved = useCallback((key: string, at: LinePosition, saving: Promise<unknown>) => {
    const extent = { from: at, to: at };
    // Growing it waits for it to be stored, so the clip replaces it (a failed save is said there).
    const ready = saving.then(
      () => undefined,
      () => undefined,
    );
    open.current = { clip: ++clips.current, key, extent, written: extent, ready };
  }, []);
  return { onSaved };
}
