/**
 * A sentence as a quote to paste elsewhere: `“text” — Speaker, Show, M:SS` and, on the next line,
 * the page the listener is on, at that moment (`?t=24%3A26`).
 */
import { formatTime } from '../time';

export interface QuoteParts {
  text: string;
  speaker: string;
  show: string;
  seconds: number;
  /** The page the listener is on; its other query parameters stay, a previous time goes. */
  pageUrl: string;
  timeParam?: string;
}

/**
 * A moment as the episode pages read it from their time parameter: `MM:SS`, or `H:MM:SS` from an
 * hour on (facts.json: "MM:SS (or H:MM:SS)").
 */
export function timeLinkValue(seconds: number): string {
  const time = formatTime(seconds);
  return /^\d:\d\d$/.test(time) ? `0${time}` : time;
}

/**
 * `pageUrl` starting at `seconds`: the time parameter set (URL-encoded), the fragment dropped.
 * The one builder of time links: quotes, exports, the Saved tab's and the options page's links,
 * and the player port that opens the host page when there is no player.
 */
export function pageTimeUrl(pageUrl: string, seconds: number, timeParam = 't'): string {
  const url = new URL(pageUrl);
  url.hash = '';
  // Built by hand rather than with URLSearchParams so the page's own parameters keep their
  // spelling (URLSearchParams would turn %20 into +).
  const kept = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && decodeName(pair) !== timeParam);
  kept.push(`${encodeURIComponent(timeParam)}=${encodeURIComponent(timeLinkValue(seconds))}`);
  url.search = `?${kept.join('&')}`;
  return url.href;
}

function decodeName(pair: string): string {
  const name = pair.split('=')[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** Quotation marks already around the text would double up inside ours. */
function bareText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["“”]+|["“”]+$/g, '')
    .trim();
}

export function formatQuote(parts: QuoteParts): string {
  const { speaker, show, seconds, pageUrl, timeParam } = parts;
  const line = `“${bareText(parts.text)}” — ${speaker}, ${show}, ${formatTime(seconds)}`;
  return `${line}\n${pageTimeUrl(pageUrl, seconds, timeParam)}`;
}
