import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCurrentSentence,
  indexOfSentence,
  neighbourSentence,
  sentenceAt,
  sentenceTimeline,
  stepStart,
} from '@/lib/listen/follow-along';
import { sampleEpisode } from '../../fixtures/sample-episode';

describe('sentenceAt', () => {
  const starts = [0, 4.5, 4.5, 10, 61];

  it.each([
    [-1, -1],
    [0, 0],
    [4.49, 0],
    [4.5, 2],
    [9.99, 2],
    [10, 3],
    [60.9, 3],
    [61, 4],
    [3000, 4],
    [Number.NaN, -1],
  ])('at %s s the current sentence is #%s', (t, index) => {
    expect(sentenceAt(starts, t)).toBe(index);
  });

  it('is before the first sentence when the first one starts later', () => {
    expect(sentenceAt([2, 5], 1)).toBe(-1);
    expect(sentenceAt([], 1)).toBe(-1);
  });

  it('agrees with a linear scan for any sorted starts and any moment', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 3000, noNaN: true })),
        fc.double({ min: -10, max: 3100, noNaN: true }),
        (raw, t) => {
          const starts = [...raw].sort((a, b) => a - b);
          let expected = -1;
          starts.forEach((s, i) => {
            if (s <= t) expected = i;
          });
          expect(sentenceAt(starts, t)).toBe(expected);
        },
      ),
    );
  });
});

describe('sentence timeline', () => {
  const timeline = sentenceTimeline(sampleEpisode);

  it('lists every sentence in speaking order with non-decreasing starts', () => {
    const total = sampleEpisode.transcript.turns.reduce((n, t) => n + t.sentences.length, 0);
    expect(timeline.refs).toHaveLength(total);
    for (let i = 1; i < timeline.starts.length; i++) {
      expect(timeline.starts[i]).toBeGreaterThanOrEqual(timeline.starts[i - 1] as number);
    }
  });

  it('finds a sentence by turn and index, and the sentence at its own start time', () => {
    timeline.refs.forEach((ref, i) => {
      expect(indexOfSentence(timeline, ref.turn, ref.sentence)).toBe(i);
      // Several sentences may share a start; the last of them is "current" then.
      const at = sentenceAt(timeline.starts, ref.start);
      expect(timeline.starts[at]).toBe(ref.start);
      expect(at).toBeGreaterThanOrEqual(i);
    });
    expect(indexOfSentence(timeline, 999, 0)).toBe(-1);
  });
});

describe('neighbourSentence', () => {
  it.each([
    [5, 2, 1, 3],
    [5, 2, -1, 1],
    [5, 4, 1, 4],
    [5, 0, -1, 0],
    [5, -1, 1, 0],
    [5, -1, -1, 0],
    [0, -1, 1, -1],
  ])('of %s sentences, from #%s by %s → #%s', (count, from, delta, to) => {
    expect(neighbourSentence(count, from, delta)).toBe(to);
  });
});

describe('current sentence', () => {
  it('reports a change only when the sentence being spoken changes', () => {
    const current = createCurrentSentence([0, 5, 10]);
    expect(current.update(1)).toEqual({ previous: -1, current: 0 });
    expect(current.update(2)).toBeUndefined();
    expect(current.update(4.9)).toBeUndefined();
    expect(current.update(5)).toEqual({ previous: 0, current: 1 });
    // Seeking back works the same way.
    expect(current.update(0.5)).toEqual({ previous: 1, current: 0 });
    expect(current.get()).toBe(0);
  });
});

describe('stepStart', () => {
  const starts = [0, 4, 4, 4, 9, 12];
  it.each([
    [0, 1, 4],
    [2, 1, 4],
    [4, 1, 9],
    [5, -1, 0],
    [10, -1, 4],
    [12.5, 1, undefined],
    [1, -1, undefined],
    [-3, 1, 0],
  ])('from %s s by %s → %s', (t, delta, start) => {
    expect(stepStart(starts, t, delta as 1 | -1)).toBe(start);
  });
});
