/**
 * Measures a turn alignment against a hand-labelled gold file: share of words given to the right
 * speaker, exactly right turn starts, and the wrong boundaries. Also loads the episode sources
 * the measurement needs (through a caller-supplied file reader, so this stays free of Node APIs).
 */
import { alignTurns, type TurnCue, type TurnStart } from './aligner';
import { parseTurnPins, pinOccurrences, type TurnPin } from './pins';
import { buildText, toLineColumn } from './text';
import { readTranscriptBlock } from './transcript';

export interface GoldTurn {
  speaker: string;
  start: string;
  /** 1-based line in page.txt. */
  line: number;
  startsWith: string;
  note?: string;
}

export interface AlignmentCase {
  lines: string[];
  firstLine: number;
  cues: TurnCue[];
  gold: TurnStart[];
  pins: TurnPin[];
}

export interface WrongBoundary {
  cue: number;
  speaker: string;
  start: number;
  expected: TurnStart;
  got: TurnStart;
  expectedText: string;
  gotText: string;
}

export interface Accuracy {
  words: number;
  wordsRight: number;
  wordShare: number;
  exactStarts: number;
  turns: number;
  wrong: WrongBoundary[];
}

export function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Loads page.txt, facts.json (for person ids), the gold file and the pins file. */
export function loadAlignmentCase(
  read: (path: string) => string,
  dir: string,
  goldPath: string,
): AlignmentCase {
  const facts = JSON.parse(read(`${dir}/facts.json`)) as {
    people: Record<string, { role?: string }>;
  };
  const fullNames = Object.keys(facts.people);
  const host = fullNames.find((n) => facts.people[n]?.role === 'host') ?? fullNames[0] ?? '';
  const idOf = (first: string) => {
    const full = fullNames.find((n) => n.split(' ')[0] === first);
    if (!full)
      throw new Error(`${dir}/page.txt: "${first}" in the turn list is not in facts.json people`);
    return slug(full);
  };
  const block = readTranscriptBlock(
    read(`${dir}/page.txt`),
    `${dir}/page.txt`,
    host.split(' ')[0] ?? '',
  );
  const cues = block.cues.map((c) => ({ speaker: idOf(c.speaker), start: c.start }));
  const goldTurns = (JSON.parse(read(goldPath)) as { turns: GoldTurn[] }).turns;
  if (goldTurns.length !== cues.length)
    throw new Error(`${goldPath}: ${goldTurns.length} turns, the turn list has ${cues.length}`);
  const gold = goldTurns.map((g, k) => {
    const index = g.line - block.firstLine;
    const line = block.lines[index];
    if (line === undefined)
      throw new Error(`${goldPath}: turn ${k} line ${g.line} is outside the transcript`);
    if (idOf(g.speaker) !== cues[k]?.speaker)
      throw new Error(`${goldPath}: turn ${k} speaker ${g.speaker} differs from the turn list`);
    const hits = pinOccurrences(
      line,
      g.startsWith,
      [...line.matchAll(/\S+/g)].map((m) => m.index),
    );
    if (hits.length === 0)
      throw new Error(`${goldPath}: turn ${k} "${g.startsWith}" does not occur on line ${g.line}`);
    return { line: index, column: hits[0] ?? 0 };
  });
  const pins = parseTurnPins(read(`${dir}/turn-pins.json`), `${dir}/turn-pins.json`);
  return { lines: block.lines, firstLine: block.firstLine, cues, gold, pins };
}

function offsetOf(lineStarts: number[], s: TurnStart): number {
  return (lineStarts[s.line] ?? 0) + s.column;
}

export function measure(c: AlignmentCase, got: TurnStart[]): Accuracy {
  const t = buildText(c.lines);
  const expectedAt = c.gold.map((s) => offsetOf(t.lineStarts, s));
  const gotAt = got.map((s) => offsetOf(t.lineStarts, s));
  const speakerAt = (starts: number[], offset: number) => {
    let k = 0;
    while (k + 1 < starts.length && (starts[k + 1] ?? 0) <= offset) k++;
    return c.cues[k]?.speaker;
  };
  let right = 0;
  for (const w of t.wordStarts) if (speakerAt(expectedAt, w) === speakerAt(gotAt, w)) right++;
  const snippet = (offset: number) => t.text.slice(offset, offset + 40).replace(/\n/g, ' ⏎ ');
  const wrong: WrongBoundary[] = [];
  expectedAt.forEach((e, k) => {
    const g = gotAt[k] ?? -1;
    if (e === g) return;
    wrong.push({
      cue: k,
      speaker: c.cues[k]?.speaker ?? '',
      start: c.cues[k]?.start ?? 0,
      expected: toLineColumn(t, e),
      got: toLineColumn(t, g),
      expectedText: snippet(e),
      gotText: snippet(g),
    });
  });
  return {
    words: t.wordStarts.length,
    wordsRight: right,
    wordShare: right / Math.max(1, t.wordStarts.length),
    exactStarts: c.cues.length - wrong.length,
    turns: c.cues.length,
    wrong,
  };
}

export function measureBoth(c: AlignmentCase): { own: Accuracy; pinned: Accuracy } {
  const own = measure(c, alignTurns({ lines: c.lines, cues: c.cues }));
  const pinned = measure(c, alignTurns({ lines: c.lines, cues: c.cues, pins: c.pins }));
  return { own, pinned };
}
