/**
 * Text normalisation shared by the search index and the query: both sides must fold words the
 * same way, or a typed word can never meet the transcribed one. Offsets always refer to the
 * original (displayed) text so highlights land on what was spoken.
 */

export interface Token {
  /** Folded form: lower case, no accents, no apostrophes, digits without thousands separators. */
  norm: string;
  /** [start, end) UTF-16 offsets into the original text. */
  start: number;
  end: number;
}

// Thousands-separated numbers first ("5,500"), then letter pairs written with a slash ("I/O",
// one word "io"), names ending in "++" ("C++", the word "cpp", not the letter "c"), and words
// that may carry inner apostrophes ("don't", "Greg’s") so the apostrophe does not split them.
const TOKEN_RE =
  /\p{N}{1,3}(?:,\p{N}{3})+|(?<![\p{L}\p{N}/])\p{L}\/\p{L}(?![\p{L}\p{N}/])|[\p{L}\p{N}]+\+\+(?![\p{L}\p{N}+])|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
const MARKS_RE = /\p{M}+/gu;
const DROP_RE = /['’,/]/g;

/**
 * Folds one word: "Brüggen" → "bruggen", "don't" → "dont", "5,500" → "5500", "I/O" → "io",
 * "C++" → "cpp".
 */
export function foldWord(word: string): string {
  let norm = folded.get(word);
  if (norm === undefined) {
    norm = fold(word);
    if (folded.size >= MAX_FOLDED) folded.clear();
    folded.set(word, norm);
  }
  return norm;
}

/** Folded forms of words seen before: a transcript says the same few thousand words again. */
const folded = new Map<string, string>();
const MAX_FOLDED = 20000;

function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\+\+$/, 'pp')
    .replace(DROP_RE, '');
}

/** Splits text into folded word tokens with their offsets in the original text. */
export function tokenize(text: string, maxTokens = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const norm = foldWord(m[0]);
    if (norm) tokens.push({ norm, start: m.index, end: m.index + m[0].length });
    if (tokens.length >= maxTokens) break;
  }
  return tokens;
}

const UNITS = new Map<string, number>(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
  }),
);
const TENS = new Map<string, number>(
  Object.entries({
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  }),
);

export interface NumberSpan {
  /** Digits of the number spelled by words[from, to). */
  digits: string;
  from: number;
  to: number;
}

/**
 * Finds numbers spelled as words ("thirty five", "sixteen") so that "35 years" and
 * "thirty-five years" meet: the speech-to-text writes either form.
 */
export function spelledNumbers(words: readonly string[]): NumberSpan[] {
  const spans: NumberSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const tens = TENS.get(word);
    if (tens !== undefined) {
      const unit = UNITS.get(words[i + 1] ?? '');
      if (unit !== undefined && unit > 0 && unit < 10) {
        spans.push({ digits: String(tens + unit), from: i, to: i + 2 });
        i++;
      } else spans.push({ digits: String(tens), from: i, to: i + 1 });
      continue;
    }
    const unit = UNITS.get(word);
    if (unit !== undefined) spans.push({ digits: String(unit), from: i, to: i + 1 });
  }
  return spans;
}

/** Words too common to find anything on their own; they still count inside phrases. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its ' +
    'this that these those there here i im ive id ill me my we our you your he she they them his her ' +
    'their so do does did done not no yes yeah oh okay ok um uh like just very really what which who ' +
    'whom how when where why can could would should will wont dont doesnt didnt isnt thats theres ' +
    'have has had going gonna get got about all some any more most also too then than now well'
  ).split(' '),
);

/**
 * A light stem of a folded word: plurals, "-ing", "-ed" and a few suffixes that make nouns and
 * adverbs folded, and a final "e" dropped, so "maintains", "maintained", "maintaining" and
 * "maintainer" meet, and "changes", "changed" and "change". Index
 * and query words are compared by it; words of three letters or fewer are left as they are.
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:[sxz]|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const suffix = w.endsWith('ing') ? 3 : w.endsWith('ed') ? 2 : 0;
  if (suffix > 0 && w.length - suffix >= 3) {
    w = w.slice(0, -suffix);
    // "running" → "run", but "falling" and "passed" keep their double letter.
    const last = w.charAt(w.length - 1);
    if (last === w.charAt(w.length - 2) && !'lsz'.includes(last)) w = w.slice(0, -1);
  }
  w = derivedFrom(w);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/**
 * Suffixes that make a noun or an adverb of a word, with what is left of the word in their place
 * ("maintainer" and "maintain", "allocation" and "allocate", "easily" and "easy"), so a listener's
 * own wording of a topic meets the speaker's. Only cut when at least four letters stay, which
 * keeps "user", "never" and "only" whole.
 */
const DERIVED: ReadonlyArray<readonly [string, string]> = [
  ['ily', 'y'],
  ['ment', ''],
  ['ness', ''],
  ['able', ''],
  ['ible', ''],
  ['tion', 't'],
  ['sion', 's'],
  ['ity', ''],
  ['er', ''],
  ['ly', ''],
];
const KEPT_LETTERS = 4;

function derivedFrom(word: string): string {
  for (const [suffix, replacement] of DERIVED)
    if (word.endsWith(suffix) && word.length - suffix.length + replacement.length >= KEPT_LETTERS)
      return word.slice(0, -suffix.length) + replacement;
  return word;
}
