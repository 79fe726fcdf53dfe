/**
 * Finds a transcript passage in a page's text, given as the list of its text node contents, and
 * answers in (node, offset) positions a DOM Range can be built from. Comparison ignores case,
 * whitespace (a page splits text over paragraphs and tags where the transcript has a space, or
 * none) and the kind of quotation mark or dash.
 */

export interface TextPoint {
  /** Index into the list of texts. */
  node: number;
  offset: number;
}

export interface PassageMatch {
  start: TextPoint;
  /** Exclusive end. */
  end: TextPoint;
}

const FOLD: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '‐': '-',
  '…': '...',
};

function foldChar(ch: string): string {
  return FOLD[ch] ?? ch.toLowerCase();
}

/** The text as compared: case and marks folded, whitespace gone. */
export function normalisePassage(text: string): string {
  let out = '';
  for (const ch of text) if (!/\s/.test(ch)) out += foldChar(ch);
  return out;
}

/** Folded text of all nodes and, for each of its characters, where it came from. */
export interface FoldedText {
  text: string;
  node: Int32Array;
  offset: Int32Array;
}

export function foldTexts(texts: readonly string[]): FoldedText {
  let text = '';
  const nodes: number[] = [];
  const offsets: number[] = [];
  texts.forEach((source, n) => {
    let i = 0;
    for (const ch of source) {
      if (!/\s/.test(ch)) {
        const folded = foldChar(ch);
        text += folded;
        // A character may fold to several ('…' → '...'); all of them point at the source char.
        for (let k = 0; k < folded.length; k++) {
          nodes.push(n);
          offsets.push(i);
        }
      }
      i += ch.length;
    }
  });
  return { text, node: Int32Array.from(nodes), offset: Int32Array.from(offsets) };
}

function sourceLength(texts: readonly string[], node: number, offset: number): number {
  const code = texts[node]?.codePointAt(offset) ?? 0;
  return code > 0xffff ? 2 : 1;
}

function toMatch(texts: readonly string[], folded: FoldedText, from: number, length: number) {
  const last = from + length - 1;
  const endNode = folded.node[last] as number;
  const endOffset =
    (folded.offset[last] as number) + sourceLength(texts, endNode, folded.offset[last] as number);
  return {
    start: { node: folded.node[from] as number, offset: folded.offset[from] as number },
    end: { node: endNode, offset: endOffset },
  };
}

export interface FindOptions {
  /** Text just before and after the passage, to pick the right one of several occurrences. */
  before?: string;
  after?: string;
  /**
   * Where the passage is expected, as a fraction of the page text (0–1), used to choose between
   * occurrences the context does not tell apart.
   */
  expectedAt?: number;
}

/**
 * Where `passage` is in `texts`, or undefined. With several occurrences, the one whose
 * surroundings match `before`/`after` longest wins, then the one nearest `expectedAt`.
 */
export function findPassage(
  texts: readonly string[],
  passage: string,
  options: FindOptions = {},
  folded: FoldedText = foldTexts(texts),
): PassageMatch | undefined {
  const needle = normalisePassage(passage);
  if (!needle) return undefined;
  const hay = folded.text;
  const before = normalisePassage(options.before ?? '');
  const after = normalisePassage(options.after ?? '');
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    let score = commonSuffix(hay, at, before) + commonPrefix(hay, at + needle.length, after);
    if (options.expectedAt !== undefined && hay.length > 0) {
      // Context decides first; position only breaks ties (distance is below 1).
      score -= Math.abs(at / hay.length - options.expectedAt);
    }
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best < 0 ? undefined : toMatch(texts, folded, best, needle.length);
}

function commonSuffix(hay: string, end: number, before: string): number {
  let n = 0;
  while (
    n < before.length &&
    end - n - 1 >= 0 &&
    hay[end - n - 1] === before[before.length - n - 1]
  )
    n++;
  return n;
}

function commonPrefix(hay: string, start: number, after: string): number {
  let n = 0;
  while (n < after.length && hay[start + n] === after[n]) n++;
  return n;
}
