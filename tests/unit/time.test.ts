import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTime, parseTime } from '@/lib/time';

describe('formatTime', () => {
  it('writes M:SS under an hour and H:MM:SS from an hour on', () => {
    expect(formatTime(0)).toBe('0:00');
    expect(formatTime(9.99)).toBe('0:09');
    expect(formatTime(65)).toBe('1:05');
    expect(formatTime(59 * 60 + 59)).toBe('59:59');
    expect(formatTime(3600)).toBe('1:00:00');
    expect(formatTime(3600 + 7 * 60 + 3)).toBe('1:07:03');
    expect(formatTime(10 * 3600 + 59)).toBe('10:00:59');
  });

  it('shows a broken time as 0:00 rather than NaN:aN', () => {
    expect(formatTime(Number.NaN)).toBe('0:00');
    expect(formatTime(-5)).toBe('0:00');
    expect(formatTime(Number.POSITIVE_INFINITY)).toBe('0:00');
  });

  it('reads back what it writes, to the second', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20 * 3600, noNaN: true }), (seconds) => {
        expect(parseTime(formatTime(seconds))).toBe(Math.floor(seconds));
      }),
    );
  });
});

describe('parseTime', () => {
  it('reads SS, MM:SS and H:MM:SS as in time links and the turn list', () => {
    expect(parseTime('42')).toBe(42);
    expect(parseTime('24:26')).toBe(24 * 60 + 26);
    expect(parseTime('00:01:16')).toBe(76);
    expect(parseTime('1:02:03')).toBe(3723);
  });

  it('refuses what is not a time', () => {
    for (const text of ['', 'abc', '1:60', '61:00:00:00', '12:3a', '-1:00', '1::2'])
      expect(parseTime(text), text).toBeUndefined();
  });
});
