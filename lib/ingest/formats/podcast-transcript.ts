/**
 * Podcasting 2.0 JSON transcripts (podcast:transcript type="application/json"):
 * { "version": "1.0.0", "segments": [ { "speaker": "Alice Ryhl", "startTime": 76.0,
 *   "endTime": 79.5, "body": "So I'm Alice." }, … ] }
 * Segments may be words, phrases or sentences; they become turns and sentences the same way WebVTT
 * cues do. A bad segment stops the import with the file and its line.
 */
import type { Turn } from '../../episode/schema';
import { listEntries, parseJsonSource } from '../json-lines';
import { joinTurnText } from '../sentences';
import { SourceError } from '../source-error';
import { cuesToTurns, type VttCue, type VttImportOptions } from './vtt-import';

export function parsePodcastTranscript(text: string, file: string): VttCue[] {
  const data = parseJsonSource(text, file) as Record<string, unknown> | null;
  if (typeof data !== 'object' || data === null || typeof data.version !== 'string') {
    throw new SourceError(
      file,
      1,
      'not a Podcasting 2.0 transcript (needs "version" and "segments")',
    );
  }
  const cues: VttCue[] = [];
  for (const [i, { value, line }] of listEntries(text, file, 'segments').entries()) {
    const where = `segment ${i + 1}`;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new SourceError(file, line, `${where}: not an object`);
    const o = value as Record<string, unknown>;
    const { startTime, endTime, body, speaker } = o;
    if (typeof startTime !== 'number' || !Number.isFinite(startTime) || startTime < 0)
      throw new SourceError(file, line, `${where}: "startTime" must be seconds (a number ≥ 0)`);
    if (typeof endTime !== 'number' || !Number.isFinite(endTime) || endTime < startTime)
      throw new SourceError(
        file,
        line,
        `${where}: "endTime" must be seconds, not before startTime`,
      );
    if (typeof body !== 'string')
      throw new SourceError(file, line, `${where}: "body" must be a string`);
    if (speaker !== undefined && (typeof speaker !== 'string' || !speaker.trim()))
      throw new SourceError(file, line, `${where}: "speaker" must be a non-empty string`);
    const previous = cues[cues.length - 1];
    if (previous && startTime < previous.start) {
      throw new SourceError(
        file,
        line,
        `${where}: starts before the previous segment (line ${previous.line})`,
      );
    }
    const words = joinTurnText([body]);
    // A segment with no words (a pause marker) carries nothing to keep.
    if (!words) continue;
    cues.push({
      start: startTime,
      end: endTime,
      speaker: typeof speaker === 'string' ? speaker.trim() : undefined,
      text: words,
      line,
    });
  }
  if (cues.length === 0) throw new SourceError(file, 1, 'the transcript has no segments with text');
  return cues;
}

export function importPodcastTranscript(
  text: string,
  file: string,
  options: VttImportOptions = {},
): { turns: Turn[] } {
  return cuesToTurns(parsePodcastTranscript(text, file), file, options);
}
