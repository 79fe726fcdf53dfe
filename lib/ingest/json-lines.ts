/**
 * Line numbers for hand-written JSON sources, so that a bad entry stops the data build with
 * "file:line: what is wrong".
 */
import { SourceError } from './source-error';

/**
 * 1-based line of each object directly inside the array of a list file: the array under a top-level
 * key (`{ "pins": [ {…}, … ] }`) or a top-level array. Entries are expected to be flat objects.
 */
export function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      depth++;
      if (ch === '{' && (depth === 2 || depth === 3)) lines.push(line);
    } else if (ch === '}' || ch === ']') depth--;
  }
  return lines;
}

/** Line of a JSON.parse error, from the position or the quoted context the engine reports. */
export function jsonErrorLine(text: string, message: string): number {
  const lineOfOffset = (at: number) => text.slice(0, at).split('\n').length;
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineOfOffset(Number(pos[1]));
  if (/end of JSON input/.test(message)) return text.trimEnd().split('\n').length;
  const context = /"(?:\.\.\.)?([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(message)?.[1];
  const at = context ? text.indexOf(context) : -1;
  if (context && at >= 0) {
    const token = /Unexpected token '([\s\S])'/.exec(message)?.[1];
    return lineOfOffset(at + Math.max(0, token ? context.indexOf(token) : 0));
  }
  return 1;
}

/** JSON.parse that reports a syntax error as a SourceError at its line. */
export function parseJsonSource(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    throw new SourceError(file, jsonErrorLine(text, message), `invalid JSON (${message})`);
  }
}

/**
 * The entries of a list file: the array under `key` of a top-level object, each with its line.
 * Throws at line 1 when the file is not shaped like that.
 */
export function listEntries(
  text: string,
  file: string,
  key: string,
): { value: unknown; line: number }[] {
  const data = parseJsonSource(text, file);
  const list =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)[key]
      : undefined;
  if (!Array.isArray(list)) {
    throw new SourceError(file, 1, `expected an object with a "${key}" array`);
  }
  const lines = elementLines(text);
  return list.map((value, i) => ({ value, line: lines[i] ?? 1 }));
}
