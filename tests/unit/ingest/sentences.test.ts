import { describe, expect, it } from 'vitest';
import { MAX_WORDS, splitSentences, turnSentences } from '@/lib/ingest/sentences';

describe('sentences', () => {
  it('splits at sentence ends but not after abbreviations, decimals or inside ellipses', () => {
    expect(splitSentences('Dr. Smith uses Rust 2.0 e.g. at work... Really?! Yes. Great.')).toEqual([
      'Dr. Smith uses Rust 2.0 e.g. at work...',
      'Really?!',
      'Yes.',
      'Great.',
    ]);
  });

  it('keeps the words exactly as spoken', () => {
    const text = 'i maintain parts of the links kernel like the driver core usb, tty and stuff.';
    expect(splitSentences(text).join(' ')).toBe(text);
  });

  it('cuts long unpunctuated speech into readable pieces without losing a word', () => {
    const words = Array.from({ length: 100 }, (_, i) => (i % 10 === 5 ? 'and' : `w${i}`));
    const pieces = splitSentences(words.join(' '));
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(piece.split(' ').length).toBeLessThanOrEqual(MAX_WORDS);
    expect(pieces.join(' ')).toBe(words.join(' '));
  });

  it('times sentences inside the turn by word position, in order', () => {
    const sentences = turnSentences('One two three four. Five six. Seven eight.', 10, 18);
    expect(sentences.map((s) => s.start)).toEqual([10, 14, 16]);
  });
});
