/**
 * Reads an episode page as plain text (the podcast host's episode page, see page.txt) into a raw
 * structure. Nothing is corrected or re-worded here; every problem is a SourceError naming the
 * file and the 1-based line.
 */
import { SourceError } from './source-error';

export interface PageLink {
  title: string;
  note: string;
  line: number;
}

export interface PageSection {
  heading: string;
  /** What follows "About ", e.g. "Greg Kroah-Hartman". */
  subject: string;
  paragraphs: string[];
  line: number;
}

export interface PageTurn {
  /** Name as written in the turn list ("Alice"). */
  name: string;
  start: number;
  line: number;
}

export interface RawPage {
  title: string;
  subtitle: string;
  published: string;
  durationMinutes: number;
  description: string[];
  pullQuote: { text: string; attribution: string };
  sections: PageSection[];
  links: PageLink[];
  /** Titles listed under "Official Links" (the page text often lists none). */
  officialLinks: { title: string; line: number }[];
  /** Transcript lines (without speaker labels), as in the file, trimmed. */
  transcript: string[];
  /** 1-based file line of transcript[0]. */
  transcriptLine: number;
  turns: PageTurn[];
}

export interface ParsePageOptions {
  /** Link titles with a known address (facts.json `links`); used to split "Title - note". */
  linkTitles: readonly string[];
  /** Names allowed in the turn list (people's short names); unchecked when omitted. */
  speakers?: readonly string[];
}

const DESCRIPTION = 'Description & Show Notes';
const LINKS = 'Links From The Episode';
const OFFICIAL = 'Official Links';
const TRANSCRIPT = 'Transcript';
const PULL_QUOTE = /^[“"](.+)[”"]\s*[—–-]+\s*(.+)$/;
const HEADER = /^(\d{4}-\d{2}-\d{2})\s+(\d+)\s*min$/;
/** Anything that looks like it was meant as a time, so that malformed times are reported. */
const TIME_LIKE = /^\d+\s*[:.]\s*[\d:.]*$/;
const STRICT_TIME = /^(\d{2}):(\d{2}):(\d{2})$/;
/** A turn-list name: one or two capitalised words, no punctuation. */
const NAME_LIKE = /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)?$/u;

function isAboutHeading(line: string): boolean {
  return /^About \S/.test(line) && line.length <= 80 && !/[.!?:;]$/.test(line);
}

function isValidDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

export function parsePage(text: string, file: string, options: ParsePageOptions): RawPage {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  // A trailing newline yields one empty last element; it is not a line of content.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const fail = (line: number | undefined, reason: string): never => {
    throw new SourceError(file, line, reason);
  };
  const at = (i: number) => (lines[i] ?? '').trim();

  if (lines.length < 3)
    fail(lines.length || 1, 'file ends before the title, subtitle and date lines');
  const title = at(0);
  if (!title) fail(1, 'missing the episode title on line 1');
  const subtitle = at(1);
  const header = HEADER.exec(at(2));
  if (!header) fail(3, `expected "YYYY-MM-DD NN min", found "${at(2)}"`);
  const published = header![1]!;
  if (!isValidDate(published)) fail(3, `impossible date "${published}"`);
  const durationMinutes = Number(header![2]);
  if (durationMinutes <= 0) fail(3, 'the episode duration must be more than 0 min');

  let i = 3;
  if (at(i) === DESCRIPTION) i++;
  const description: string[] = [];
  let pullQuote: RawPage['pullQuote'] | undefined;
  const endOfShowNotes = (l: string) =>
    isAboutHeading(l) || l === LINKS || l === OFFICIAL || l === TRANSCRIPT;
  for (; i < lines.length && !endOfShowNotes(at(i)); i++) {
    const l = at(i);
    if (!l) continue;
    const quote = PULL_QUOTE.exec(l);
    if (quote && !pullQuote) pullQuote = { text: quote[1]!.trim(), attribution: quote[2]!.trim() };
    else description.push(l);
  }
  if (description.length === 0) fail(4, 'missing the description paragraphs');
  if (!pullQuote) fail(i + 1, 'missing the pull quote (“…” — Name) before this line');

  const sections: PageSection[] = [];
  for (; i < lines.length && isAboutHeading(at(i)); ) {
    const heading = at(i);
    const section: PageSection = {
      heading,
      subject: heading.slice('About '.length).trim(),
      paragraphs: [],
      line: i + 1,
    };
    for (i++; i < lines.length && !endOfShowNotes(at(i)); i++) {
      if (at(i)) section.paragraphs.push(at(i));
    }
    if (section.paragraphs.length === 0) fail(section.line, `section "${heading}" has no text`);
    sections.push(section);
  }

  const links: PageLink[] = [];
  if (at(i) === LINKS) {
    for (i++; i < lines.length && at(i) !== OFFICIAL && at(i) !== TRANSCRIPT; i++) {
      const l = at(i);
      if (!l) continue;
      if (!l.startsWith('- ')) fail(i + 1, `expected a link item "- Title - note", found "${l}"`);
      links.push(splitLink(l.slice(2).trim(), i + 1, options.linkTitles, fail));
    }
  }

  const officialLinks: RawPage['officialLinks'] = [];
  const officialLine = at(i) === OFFICIAL ? i + 1 : undefined;
  const transcriptHeading = lines.findIndex((l, k) => k >= i && l.trim() === TRANSCRIPT);
  if (transcriptHeading < 0) {
    fail(
      (officialLine ?? i) + 1,
      `missing the "${TRANSCRIPT}" heading (expected here, before the transcript text)`,
    );
  }
  if (officialLine !== undefined) {
    for (let k = officialLine; k < transcriptHeading; k++) {
      if (at(k)) officialLinks.push({ title: at(k).replace(/^- /, ''), line: k + 1 });
    }
  } else if (transcriptHeading !== i) {
    fail(
      i + 1,
      `unexpected line "${at(i)}" (expected "${LINKS}", "${OFFICIAL}" or "${TRANSCRIPT}")`,
    );
  }

  const body = transcriptHeading + 1;
  const listStart = findTurnListStart(lines, body, options.speakers);
  if (listStart >= lines.length) {
    fail(
      lines.length,
      'no turn list at the end (speaker name and HH:MM:SS pairs); file truncated?',
    );
  }
  const turns = parseTurnList(lines, listStart, durationMinutes, options.speakers, fail);
  const transcript: string[] = [];
  for (let k = body; k < listStart; k++) if (at(k)) transcript.push(at(k));
  // Keep empty lines out but remember where the text starts for error messages.
  if (transcript.length === 0) fail(body + 1, 'the transcript text is empty');
  let transcriptLine = body + 1;
  while (!at(transcriptLine - 1)) transcriptLine++;

  return {
    title,
    subtitle,
    published,
    durationMinutes,
    description,
    pullQuote: pullQuote!,
    sections,
    links,
    officialLinks,
    transcript,
    transcriptLine,
    turns,
  };
}

function splitLink(
  item: string,
  line: number,
  known: readonly string[],
  fail: (line: number, reason: string) => never,
): PageLink {
  // Titles may themselves contain " - " or " — ", so match the longest known title first.
  const candidates = known
    .filter((t) => item === t || item.startsWith(`${t} - `) || item.startsWith(`${t} — `))
    .sort((a, b) => b.length - a.length);
  const title = candidates[0];
  if (title === undefined) {
    const guess = item.split(/ [-—] /)[0] ?? item;
    return fail(line, `link "${guess}" has no known address in facts.json (links)`);
  }
  const note = item
    .slice(title.length)
    .replace(/^ [-—] /, '')
    .trim();
  return { title, note, line };
}

function isSpeakerLine(l: string, speakers: readonly string[] | undefined): boolean {
  return speakers?.includes(l) || NAME_LIKE.test(l);
}

/**
 * The turn list is the run of name/time lines at the end of the file. It starts at the name
 * above the first time of that trailing run: a lone name-like line before it ("Interop") is
 * still transcript, while gaps inside the run are errors reported by parseTurnList.
 */
function findTurnListStart(
  lines: string[],
  from: number,
  speakers: readonly string[] | undefined,
): number {
  let start = lines.length;
  for (let k = lines.length - 1; k >= from; k--) {
    const l = (lines[k] ?? '').trim();
    if (l === '' || TIME_LIKE.test(l) || isSpeakerLine(l, speakers)) start = k;
    else break;
  }
  while (start < lines.length) {
    const l = (lines[start] ?? '').trim();
    const next = (lines[start + 1] ?? '').trim();
    if (l !== '' && isSpeakerLine(l, speakers) && TIME_LIKE.test(next)) break;
    if (TIME_LIKE.test(l)) break; // a time without a name: let the list parser report it
    start++;
  }
  return start;
}

function parseTurnList(
  lines: string[],
  start: number,
  durationMinutes: number,
  speakers: readonly string[] | undefined,
  fail: (line: number, reason: string) => never,
): PageTurn[] {
  const turns: PageTurn[] = [];
  const latest = (durationMinutes + 1) * 60;
  let k = start;
  const skipBlank = () => {
    while (k < lines.length && (lines[k] ?? '').trim() === '') k++;
  };
  for (skipBlank(); k < lines.length; skipBlank()) {
    const name = (lines[k] ?? '').trim();
    const nameLine = k + 1;
    if (TIME_LIKE.test(name)) fail(nameLine, `time "${name}" has no speaker name above it`);
    if (speakers && !speakers.includes(name)) {
      fail(nameLine, `speaker "${name}" is not in the episode (expected ${speakers.join(', ')})`);
    }
    k++;
    skipBlank();
    const time = (lines[k] ?? '').trim();
    if (k >= lines.length || !TIME_LIKE.test(time)) {
      fail(nameLine, `speaker "${name}" has no start time (HH:MM:SS) on the next line`);
    }
    const m = STRICT_TIME.exec(time);
    const [h, mm, ss] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 99, 99];
    if (!m || mm > 59 || ss > 59) fail(k + 1, `impossible time "${time}" (expected HH:MM:SS)`);
    const seconds = h * 3600 + mm * 60 + ss;
    const previous = turns[turns.length - 1];
    if (previous && seconds < previous.start) {
      fail(k + 1, `time ${time} is before the previous turn's time (line ${previous.line + 1})`);
    }
    if (seconds > latest) {
      fail(k + 1, `time ${time} is after the end of the episode (${durationMinutes} min, line 3)`);
    }
    turns.push({ name, start: seconds, line: nameLine });
    k++;
  }
  if (turns.length === 0) fail(lines.length, 'the turn list has no turns');
  return turns;
}
