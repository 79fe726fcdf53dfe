/**
 * Accuracy of the speaker-turn aligner on the packaged episode against the hand-labelled gold
 * turns, without pins (the aligner's own) and with the curated pins.
 * Usage: npm run -s align:report [-- --json]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Accuracy,
  type AlignmentCase,
  loadAlignmentCase,
  measureBoth,
} from '../lib/ingest/turns/accuracy';
import { formatTime } from '../lib/time';

const root = resolve(import.meta.dirname, '..');
const dir = 'assets/episodes/rust-for-linux';
const goldPath = 'tests/fixtures/rust-for-linux-gold-turns.json';

function describe(label: string, a: Accuracy, c: AlignmentCase): string {
  const out = [
    `${label}: ${(a.wordShare * 100).toFixed(2)}% of ${a.words} words to the right speaker, ` +
      `${a.exactStarts}/${a.turns} turn starts exactly right`,
  ];
  for (const w of a.wrong) {
    const line = (s: { line: number; column: number }) =>
      `L${s.line + c.firstLine}:${s.column + 1}`;
    out.push(
      `  #${w.cue} ${w.speaker} ${formatTime(w.start)}  expected ${line(w.expected)} "${w.expectedText}"`,
      `  ${' '.repeat(String(w.cue).length + w.speaker.length + formatTime(w.start).length + 3)}got      ${line(w.got)} "${w.gotText}"`,
    );
  }
  return out.join('\n');
}

const c = loadAlignmentCase((p) => readFileSync(resolve(root, p), 'utf8'), dir, goldPath);
const { own, pinned } = measureBoth(c);
if (process.argv.includes('--json')) {
  const brief = (a: Accuracy) => ({
    wordShare: Number(a.wordShare.toFixed(4)),
    words: a.words,
    exactStarts: a.exactStarts,
    turns: a.turns,
    wrong: a.wrong.map((w) => ({
      cue: w.cue,
      speaker: w.speaker,
      start: w.start,
      expected: w.expectedText,
      got: w.gotText,
    })),
  });
  console.log(JSON.stringify({ own: brief(own), withPins: brief(pinned), pins: c.pins.length }));
} else {
  console.log(describe('Aligner alone (no pins)', own, c));
  console.log();
  console.log(describe(`With ${c.pins.length} pins`, pinned, c));
}
