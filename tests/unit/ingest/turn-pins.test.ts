import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEpisode } from '@/lib/episode/packaged';
import { parseTurnPins } from '@/lib/ingest/turns/pins';

const FILE = 'turn-pins.json';

describe('parseTurnPins', () => {
  it('reads pins with times in seconds', () => {
    const text = JSON.stringify({
      pins: [
        { start: '00:42:05', speaker: 'greg', startsWith: "that's a very", reason: 'mid-line' },
      ],
    });
    expect(parseTurnPins(text, FILE)).toEqual([
      { start: 2525, speaker: 'greg', startsWith: "that's a very" },
    ]);
  });

  it('names the file and the line of a malformed pin', () => {
    const text = [
      '{',
      '  "pins": [',
      '    { "start": "00:01:00", "speaker": "a", "startsWith": "So", "reason": "r" },',
      '    {',
      '      "start": "00:02:00",',
      '      "speaker": "b",',
      '      "reason": "r"',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    expect(() => parseTurnPins(text, FILE)).toThrow(/^turn-pins\.json:4: pin 2: "startsWith"/);
  });

  it('rejects bad times, missing reasons, unknown fields and duplicates, with their line', () => {
    const pin = (o: object) => `{ "pins": [\n${JSON.stringify(o)}\n] }`;
    const ok = { start: '00:01:00', speaker: 'a', startsWith: 'So', reason: 'r' };
    expect(() => parseTurnPins(pin({ ...ok, start: '1:00:99' }), FILE)).toThrow(
      /turn-pins\.json:2: .*"start"/,
    );
    expect(() => parseTurnPins(pin({ ...ok, reason: '' }), FILE)).toThrow(/:2: .*"reason"/);
    expect(() => parseTurnPins(pin({ ...ok, line: 3 }), FILE)).toThrow(
      /:2: .*unknown field "line"/,
    );
    const twice = `{ "pins": [\n${JSON.stringify(ok)},\n${JSON.stringify(ok)}\n] }`;
    expect(() => parseTurnPins(twice, FILE)).toThrow(
      /:3: pin 2: a pin for this turn already exists/,
    );
  });

  it('reports invalid JSON and a wrong shape', () => {
    expect(() => parseTurnPins('{\n  "pins": [\n    { "start": }\n  ]\n}', FILE)).toThrow(
      /^turn-pins\.json:3: invalid JSON/,
    );
    expect(() => parseTurnPins('[]', FILE)).toThrow(
      /turn-pins\.json:1: expected an object with a "pins" array/,
    );
  });

  it('accepts the packaged pins file, each pin with a reason', () => {
    const path = resolve(
      import.meta.dirname,
      '../../../assets/episodes/rust-for-linux/turn-pins.json',
    );
    const text = readFileSync(path, 'utf8');
    const pins = parseTurnPins(text, path);
    const raw: Array<{ reason: string; startsWith: string }> = JSON.parse(text).pins;
    // Every pin read, none dropped, each with the words it pins and why.
    expect(pins).toHaveLength(raw.length);
    expect(pins.map((p) => p.startsWith)).toEqual(raw.map((p) => p.startsWith));
    for (const pin of raw) expect(pin.reason.length).toBeGreaterThan(10);
    // Each pinned turn starts with its words in the packaged transcript.
    const turns = loadEpisode().transcript.turns;
    for (const pin of pins) {
      const turn = turns.find((t) => t.start === pin.start && t.speaker === pin.speaker);
      const said = turn?.sentences
        .map((s) => s.text)
        .join(' ')
        .toLowerCase()
        .replace(/\s+/g, ' ');
      expect(said?.startsWith(pin.startsWith.toLowerCase().replace(/\s+/g, ' '))).toBe(true);
    }
  });
});
