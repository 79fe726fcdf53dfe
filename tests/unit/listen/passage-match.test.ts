import { describe, expect, it } from 'vitest';
import { findPassage, normalisePassage, type PassageMatch } from '@/lib/listen/passage-match';

/** The matched text, read back from the nodes. */
function cut(texts: string[], m: PassageMatch | undefined): string | undefined {
  if (!m) return undefined;
  if (m.start.node === m.end.node) return texts[m.start.node]?.slice(m.start.offset, m.end.offset);
  let out = texts[m.start.node]?.slice(m.start.offset) ?? '';
  for (let n = m.start.node + 1; n < m.end.node; n++) out += texts[n];
  return out + (texts[m.end.node]?.slice(0, m.end.offset) ?? '');
}

describe('normalisePassage', () => {
  it('folds case, whitespace, curly quotes and dashes', () => {
    expect(normalisePassage('It’s  “Rust” —\nreally')).toBe(
      normalisePassage('it\'s "rust" - REALLY'),
    );
  });
});

describe('findPassage', () => {
  it('finds a sentence spread over several text nodes and paragraphs', () => {
    const texts = [
      'Intro text. ',
      'So I think ',
      'Rust is',
      '\n   gonna save the ',
      'Linux kernel. Next.',
    ];
    const match = findPassage(texts, 'rust is gonna save the linux kernel.');
    expect(cut(texts, match)).toBe('Rust is\n   gonna save the Linux kernel.');
    expect(match?.start).toEqual({ node: 2, offset: 0 });
  });

  it('tolerates curly versus straight apostrophes', () => {
    const texts = ["We don't break userspace."];
    expect(cut(texts, findPassage(texts, 'We don’t break userspace.'))).toBe(texts[0]);
  });

  it('uses the surrounding sentences to choose between repeated ones', () => {
    const texts = ['Yeah. That is true. ', 'Right. Yeah. It compiles.'];
    const second = findPassage(texts, 'Yeah.', { before: 'Right.', after: 'It compiles.' });
    expect(second?.start).toEqual({ node: 1, offset: 7 });
    const first = findPassage(texts, 'Yeah.', { after: 'That is true.' });
    expect(first?.start).toEqual({ node: 0, offset: 0 });
  });

  it('falls back to the expected position when the context does not decide', () => {
    const texts = ['Okay. ', 'a'.repeat(100), ' Okay.'];
    expect(findPassage(texts, 'Okay.', { expectedAt: 0.95 })?.start.node).toBe(2);
    expect(findPassage(texts, 'Okay.', { expectedAt: 0.05 })?.start.node).toBe(0);
  });

  it('returns undefined for a passage that is not there or is blank', () => {
    expect(findPassage(['Hello world'], 'goodbye')).toBeUndefined();
    expect(findPassage(['Hello world'], '   ')).toBeUndefined();
  });
});
