/** The search the sidebar runs: the packaged episode's transcript with its curated glossary. */
import type { Episode } from '../episode/schema';
import { loadGlossary } from './glossary';
import { createTranscriptSearch, type TranscriptSearch } from './transcript-search';

export function createEpisodeSearch(episode: Episode): TranscriptSearch {
  return createTranscriptSearch(episode, loadGlossary());
}
