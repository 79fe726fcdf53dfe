/**
 * facts.json: what the page text lost (addresses of the pages and of every link, people's links).
 * Only http(s) addresses are accepted; errors name the file, the JSON path and, when it can be
 * found, the line.
 */
import * as v from 'valibot';
import { WebUrl } from '../episode/schema';
import { lineOf, SourceError } from './source-error';

const Text = v.pipe(v.string(), v.trim(), v.nonEmpty());
const UrlMap = v.record(Text, WebUrl);

export const FactsSchema = v.object({
  about: v.optional(v.string()),
  show: v.object({
    title: Text,
    publisher: Text,
    host: Text,
    site: WebUrl,
    feed: WebUrl,
    listenOn: UrlMap,
  }),
  episode: v.object({
    season: v.pipe(v.number(), v.integer(), v.minValue(1)),
    number: v.pipe(v.number(), v.integer(), v.minValue(1)),
    published: v.pipe(v.string(), v.isoDate()),
    pages: v.object({
      showSite: WebUrl,
      showSiteShortLink: v.optional(WebUrl),
      hostPage: WebUrl,
    }),
    /** Prose; the query parameter's name is read from "query parameter <name>". */
    hostPageTimeLink: v.pipe(
      v.string(),
      v.regex(/query parameter \w+/, 'must name the "query parameter <name>"'),
    ),
    embeddedPlayer: v.optional(v.string()),
    transcriptVtt: v.optional(v.string()),
  }),
  people: v.record(
    Text,
    v.object({ role: v.picklist(['host', 'guest']), links: v.optional(UrlMap, {}) }),
  ),
  descriptionLinks: v.optional(UrlMap, {}),
  officialLinks: v.optional(v.array(v.object({ title: Text, url: WebUrl })), []),
  links: v.optional(UrlMap, {}),
});

export type Facts = v.InferOutput<typeof FactsSchema>;

/** Query parameter the host page reads a start time from (e.g. "t"). */
export function timeParamOf(facts: Facts): string {
  return /query parameter (\w+)/.exec(facts.episode.hostPageTimeLink)?.[1] ?? 't';
}

function jsonLine(text: string, message: string): number | undefined {
  const m = /line (\d+)/.exec(message);
  if (m) return Number(m[1]);
  const p = /position (\d+)/.exec(message);
  if (!p) return undefined;
  return text.slice(0, Number(p[1])).split('\n').length;
}

export function parseFacts(text: string, file: string): Facts {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    throw new SourceError(file, jsonLine(text, message), `invalid JSON: ${message}`);
  }
  const result = v.safeParse(FactsSchema, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? '(top level)';
  // Locate the offending value (or its key) in the text for a clickable file:line.
  const key = issue.path?.[issue.path.length - 1]?.key;
  const line =
    (typeof issue.input === 'string' ? lineOf(text, JSON.stringify(issue.input)) : undefined) ??
    (key !== undefined ? lineOf(text, JSON.stringify(String(key))) : undefined);
  const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : '';
  throw new SourceError(file, line, `${path}: ${issue.message}${more}`);
}
