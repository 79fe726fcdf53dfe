/**
 * Highlights of a hit: the displayed text's ranges of the words the query matched, neighbours
 * separated only by spaces joined into one range. Computed from our own index, never from
 * fuse.js's indices, so they always lie on whole spoken words.
 */
import { ANY, CONTENT } from './query';
import type { SearchUnit } from './unit-index';

const SPACE = /\s/;

/** Whether text[from, to) is only white space (no-break and other Unicode spaces included). */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++)
    if (text.charCodeAt(i) > 32 && !SPACE.test(text.charAt(i))) return false;
  return true;
}

/** An exact phrase highlights its small words too; other hits only the content words. */
export function highlight(
  unit: SearchUnit,
  marks: Uint8Array,
  phrase: boolean,
): Array<[number, number]> {
  const bits = phrase ? ANY : CONTENT;
  const ranges: Array<[number, number]> = [];
  const { words, wordIds } = unit;
  for (let k = 0; k < wordIds.length; k++)
    if ((marks[wordIds[k] as number] as number) & bits) {
      const word = words[k];
      if (word) ranges.push([word.start, word.end]);
    }
  // Spoken words come in order; only glossary forms and numbers, listed after them, need a sort.
  let sorted = true;
  for (let k = 1; k < ranges.length && sorted; k++) {
    const a = ranges[k - 1] as [number, number];
    const b = ranges[k] as [number, number];
    sorted = a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
  }
  if (!sorted) ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && range[0] <= previous[1] + 1 && isBlank(unit.text, previous[1], range[0]))
      previous[1] = Math.max(previous[1], range[1]);
    else merged.push(range);
  }
  return merged;
}
