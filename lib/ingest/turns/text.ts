/**
 * Text model for the turn aligner: the transcript joined into one string, its words, and the
 * candidate turn starts with the textual evidence for or against a turn starting there.
 */

export type CandidateKind = 'line' | 'sentence' | 'tail';

export interface Candidate {
  /** Offset in the joined text. */
  offset: number;
  /** Number of words before this offset. */
  word: number;
  kind: CandidateKind;
}

export interface TranscriptText {
  text: string;
  lineStarts: number[];
  /** Offsets of the first character of every word. */
  wordStarts: number[];
}

export function buildText(lines: readonly string[]): TranscriptText {
  const text = lines.join('\n');
  const lineStarts: number[] = [];
  let at = 0;
  for (const line of lines) {
    lineStarts.push(at);
    at += line.length + 1;
  }
  const wordStarts: number[] = [];
  for (const m of text.matchAll(/\S+/g)) wordStarts.push(m.index);
  return { text, lineStarts, wordStarts };
}

/** Number of words starting before `offset`. */
export function wordsBefore(t: TranscriptText, offset: number): number {
  let lo = 0;
  let hi = t.wordStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((t.wordStarts[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function toLineColumn(t: TranscriptText, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = t.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((t.lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, column: offset - (t.lineStarts[lo] ?? 0) };
}

/**
 * Speech-to-text tends to glue a new speaker's first word to the end of the previous speaker's
 * line ("...a separate system well."): the segment ends on a word that opens a reply, with a full
 * stop added.
 */
const OPENERS = new Set([
  'i',
  "it's",
  'any',
  'wait',
  'well',
  'okay',
  'ok',
  'yeah',
  'yes',
  'oh',
  'sure',
]);
export function bareWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, '');
}

const SENTENCE_END = /[.?!…]["”’)]*$/;

/** Every line start, every sentence start inside a line, and glued-on last words. */
export function findCandidates(t: TranscriptText): Candidate[] {
  const seen = new Map<number, CandidateKind>();
  const add = (offset: number, kind: CandidateKind) => {
    if (!seen.has(offset)) seen.set(offset, kind);
  };
  t.lineStarts.forEach((start, i) => {
    const end = (t.lineStarts[i + 1] ?? t.text.length + 1) - 1;
    const words = [...t.text.slice(start, end).matchAll(/\S+/g)];
    const first = words[0];
    if (first) add(start + first.index, 'line');
    for (let w = 1; w < words.length; w++) {
      const prev = words[w - 1]?.[0] ?? '';
      const cur = words[w];
      if (!cur) continue;
      const isLast = w === words.length - 1;
      if (SENTENCE_END.test(prev) || /^,/.test(cur[0])) add(start + cur.index, 'sentence');
      else if (
        isLast &&
        words.length >= 3 &&
        /[.?!]$/.test(cur[0]) &&
        OPENERS.has(bareWord(cur[0]))
      )
        add(start + cur.index, 'tail');
    }
  });
  return [...seen.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([offset, kind]) => ({ offset, kind, word: wordsBefore(t, offset) }));
}
