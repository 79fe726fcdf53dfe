import type { IncomingMessage, ServerResponse } from 'node:http';

/** 8 kHz, 8-bit, mono: one byte per sample, so one second is 8000 bytes. */
const SAMPLE_RATE = 8000;
const HEADER_BYTES = 44;
/** Unsigned 8-bit PCM is silent at its midpoint. */
const SILENCE = 0x80;

export interface SilentWav {
  readonly durationSeconds: number;
  readonly size: number;
  serve(req: IncomingMessage, res: ServerResponse): void;
}

function header(dataBytes: number): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(SAMPLE_RATE, 24);
  h.writeUInt32LE(SAMPLE_RATE, 28); // byte rate
  h.writeUInt16LE(1, 32); // block align
  h.writeUInt16LE(8, 34); // bits per sample
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/**
 * A silent recording as long as the episode, generated on the fly (never committed). Range
 * requests are honoured because the media element seeks by asking for byte ranges: without them
 * `currentTime` could not be set to a late moment of the episode.
 */
export function createSilentWav(durationSeconds: number): SilentWav {
  const dataBytes = Math.round(durationSeconds * SAMPLE_RATE);
  const size = HEADER_BYTES + dataBytes;
  const head = header(dataBytes);
  const chunk = Buffer.alloc(64 * 1024, SILENCE);

  function byteAt(offset: number, length: number): Buffer {
    const out = Buffer.alloc(length, SILENCE);
    if (offset < HEADER_BYTES) head.copy(out, 0, offset, Math.min(HEADER_BYTES, offset + length));
    return out;
  }

  function serve(req: IncomingMessage, res: ServerResponse): void {
    let start = 0;
    let end = size - 1;
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (req.headers.range && !range) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    if (range) {
      const [, from, to] = range;
      if (from === '' && to !== '') {
        start = Math.max(0, size - Number(to));
      } else {
        start = Number(from);
        if (to !== '') end = Math.min(end, Number(to));
      }
      if (start > end || start >= size) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        return;
      }
    }
    const length = end - start + 1;
    res.writeHead(range ? 206 : 200, {
      'Content-Type': 'audio/wav',
      'Content-Length': String(length),
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-store',
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    let offset = start;
    const pump = (): void => {
      while (offset <= end) {
        const n = Math.min(chunk.length, end - offset + 1);
        const piece = offset < HEADER_BYTES ? byteAt(offset, n) : chunk.subarray(0, n);
        offset += n;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => {
      offset = end + 1;
    });
    pump();
  }

  return { durationSeconds, size, serve };
}
