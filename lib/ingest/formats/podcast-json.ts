/**
 * Podcasting 2.0 JSON transcripts (podcast:transcript type="application/json"):
 * { "version": "1.0.0", "segments": [ { "speaker": "Alice Ryhl", "startTime": 76.0,
 *   "endTime": 79.5, "body": "So I'm Alice." }, … ] }
 * Segments may be words, phrases or sentences; they become turns and sentences the same way WebVTT
 * cues do. A segment without "speaker" keeps the previous one unless its body starts "Name: ". A bad segment stops the import with the file and its line.
 */
import type { Turn } from '../../episode/schema';
import { listEntries, parseJsonSource } from '../json-lines';
import { joinTurnText } from '../sentences';
import { SourceError } from '../source-error';
import {
  type Cue,
  checkOrder,
  cuesToTurns,
  prefixRuns,
  shareCue,
  type TranscriptImportOptions,
} from './cues';

export function parsePodcastTranscript(
  text: string,
  file: string,
  options: TranscriptImportOptions = {},
): Cue[] {
  const data = parseJsonSource(text, file) as Record<string, unknown> | null;
  if (typeof data !== 'object' || data === null || typeof data.version !== 'string') {
    throw new SourceError(
      file,
      1,
      'not a Podcasting 2.0 transcript (needs "version" and "segments")',
    );
  }
  const cues: Cue[] = [];
  for (const [i, { value, line }] of listEntries(text, file, 'segments').entries()) {
    const where = `segment ${i + 1}`;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new SourceError(file, line, `${where}: not an object`);
    const o = value as Record<string, unknown>;
    const { startTime, endTime, body, speaker } = o;
    if (typeof startTime !== 'number' || !Number.isFinite(startTime) || startTime < 0)
      throw new SourceError(file, line, `${where}: "startTime" must be seconds (a number ≥ 0)`);
    if (typeof endTime !== 'number' || !Number.isFinite(endTime))
      throw new SourceError(file, line, `${where}: "endTime" must be seconds (a number)`);
    if (typeof body !== 'string')
      throw new SourceError(file, line, `${where}: "body" must be a string`);
    if (speaker !== undefined && (typeof speaker !== 'string' || !speaker.trim()))
      throw new SourceError(file, line, `${where}: "speaker" must be a non-empty string`);
    checkOrder(cues, startTime, endTime, file, line, where);
    const words = joinTurnText([body]);
    // A segment with no words (a pause marker) carries nothing to keep.
    if (!words) continue;
    // Without a "speaker", the body may name one as captions do ("Alice: …").
    const runs =
      typeof speaker === 'string'
        ? [{ speaker: speaker.trim(), text: words }]
        : prefixRuns([words], options.speakers);
    cues.push(...shareCue(runs, startTime, endTime, line));
  }
  if (cues.length === 0) throw new SourceError(file, 1, 'the transcript has no segments with text');
  return cues;
}

export function importPodcastTranscript(
  text: string,
  file: string,
  options: TranscriptImportOptions = {},
): { turns: Turn[] } {
  return cuesToTurns(parsePodcastTranscript(text, file, options), file, options);
}
