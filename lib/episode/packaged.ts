/**
 * The episode as packaged into the extension. The JSON was validated against the schema when it
 * was built (`npm run ingest`) and a unit test validates the committed file, so the UI skips a
 * second validation on every load.
 */
import data from '@/assets/episodes/rust-for-linux/episode.generated.json';
import type { Episode } from './schema';

export function loadEpisode(): Episode {
  return data as Episode;
}
