import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAlignmentCase, measureBoth } from '@/lib/ingest/turns/accuracy';
import { alignTurns, type TurnCue } from '@/lib/ingest/turns/aligner';

const H = 'host';
const G = 'guest-one';

/** Words of filler so that line lengths match a pace of about 3 words a second. */
const words = (n: number, word = 'stuff') => Array.from({ length: n }, () => word).join(' ');

describe('alignTurns', () => {
  it('puts the first turn at the start and one start per cue, strictly increasing', () => {
    const lines = [
      `${words(14)} how did you start?`,
      `Well ${words(29)}.`,
      `${words(12)} right?`,
      `Yes ${words(20)}.`,
    ];
    const cues: TurnCue[] = [
      { speaker: H, start: 0 },
      { speaker: G, start: 6 },
      { speaker: H, start: 16 },
      { speaker: G, start: 21 },
    ];
    expect(alignTurns({ lines, cues })).toEqual([
      { line: 0, column: 0 },
      { line: 1, column: 0 },
      { line: 2, column: 0 },
      { line: 3, column: 0 },
    ]);
  });

  it('keeps a short reply line as its own turn and does not split "Yeah," from its sentence', () => {
    const lines = [
      `So ${words(20)} is that true?`,
      'Exactly.',
      `And ${words(25)} what do you think?`,
      'Yeah,',
      `I agree ${words(30)}.`,
    ];
    const cues: TurnCue[] = [
      { speaker: H, start: 0 },
      { speaker: G, start: 8 },
      { speaker: H, start: 9 },
      { speaker: G, start: 19 },
    ];
    expect(alignTurns({ lines, cues })).toEqual([
      { line: 0, column: 0 },
      { line: 1, column: 0 },
      { line: 2, column: 0 },
      { line: 3, column: 0 },
    ]);
  });

  it('finds a turn that starts in the middle of a line when the times demand it', () => {
    const answer = `Well ${words(40)} and that is how it went.`;
    const lines = [
      `${words(10)} tell me more?`,
      `${answer} Why did you stay?`,
      `Because ${words(30)}.`,
    ];
    const cues: TurnCue[] = [
      { speaker: H, start: 0 },
      { speaker: G, start: 4 },
      { speaker: H, start: 20 },
      { speaker: G, start: 22 },
    ];
    const result = alignTurns({ lines, cues });
    expect(result[2]).toEqual({ line: 1, column: answer.length + 1 });
    expect(lines[1]?.slice(result[2]?.column)).toBe('Why did you stay?');
  });

  it('applies a pin at the first occurrence after the previous turn and rejects unknown ones', () => {
    const lines = [
      `${words(10)} the system well.`,
      `It is a plugin ${words(20)}.`,
      `Okay ${words(12)}.`,
    ];
    const cues: TurnCue[] = [
      { speaker: H, start: 0 },
      { speaker: G, start: 4 },
      { speaker: H, start: 12 },
    ];
    const pinned = alignTurns({
      lines,
      cues,
      pins: [{ start: 4, speaker: G, startsWith: 'WELL.  It is' }],
    });
    expect(pinned[1]).toEqual({ line: 0, column: lines[0]?.indexOf('well.') });
    expect(() =>
      alignTurns({ lines, cues, pins: [{ start: 5, speaker: G, startsWith: 'well' }] }),
    ).toThrow(/no turn with that start and speaker/);
    expect(() =>
      alignTurns({ lines, cues, pins: [{ start: 4, speaker: G, startsWith: 'not here' }] }),
    ).toThrow(/do not occur/);
    // "stuf" is only a prefix of a word, so it does not match.
    expect(() =>
      alignTurns({ lines, cues, pins: [{ start: 4, speaker: G, startsWith: 'stuf' }] }),
    ).toThrow(/do not occur/);
  });

  it('throws when there are fewer words than turns', () => {
    const cues: TurnCue[] = [
      { speaker: H, start: 0 },
      { speaker: G, start: 1 },
      { speaker: H, start: 2 },
    ];
    expect(() => alignTurns({ lines: ['Hi there'], cues })).toThrow(/2 words for 3 turns/);
  });
});

describe('the packaged episode against the hand-labelled gold turns', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const c = loadAlignmentCase(
    (p) => readFileSync(resolve(root, p), 'utf8'),
    'assets/episodes/rust-for-linux',
    'tests/fixtures/rust-for-linux-gold-turns.json',
  );
  const { own, pinned } = measureBoth(c);

  it('gives at least 97% of words to the right speaker with the curated pins', () => {
    expect(pinned.wordShare).toBeGreaterThanOrEqual(0.97);
  });

  it('does not regress without pins (measured 93.8% of words, 107/153 exact starts)', () => {
    expect(own.wordShare).toBeGreaterThanOrEqual(0.92);
    expect(own.exactStarts).toBeGreaterThanOrEqual(100);
  });
});
