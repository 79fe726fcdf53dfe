/**
 * The Saved tab's own filter: every word typed must occur in what the listener sees of an item
 * (title, address, quote, speakers, note), ignoring case and accents; the last word may be
 * unfinished. Plain substring matching: the list is short and the listener knows what they saved.
 */

/** Lower case, accents off, one space between words. */
export function foldForFilter(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The words of a filter query; none means "show everything". */
export function filterWords(query: string): string[] {
  const folded = foldForFilter(query);
  return folded ? folded.split(' ') : [];
}

/** Whether an item whose visible texts are `fields` passes the filter `words`. */
export function matchesFilter(
  words: readonly string[],
  fields: readonly (string | undefined)[],
): boolean {
  if (words.length === 0) return true;
  const haystack = foldForFilter(fields.filter(Boolean).join(' \n '));
  return words.every((word) => haystack.includes(word));
}
