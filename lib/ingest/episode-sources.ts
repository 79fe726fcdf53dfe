/** The source files an episode is built from, as texts with the names errors cite. */

export interface SourceFile {
  file: string;
  text: string;
}

export interface EpisodeSources {
  /** Slug of the episode (its folder name, e.g. "rust-for-linux"). */
  id: string;
  page: SourceFile;
  facts: SourceFile;
  /** turn-pins.json; without it the aligner runs unpinned. */
  pins?: SourceFile;
  /** links.json; required when the page lists links. */
  links?: SourceFile;
  /** people.json; required (every person needs a title). */
  people?: SourceFile;
  /** chapters.json (curated) or Podcasting 2.0 chapters JSON; without it, no chapters. */
  chapters?: SourceFile;
  /**
   * A timed, speaker-labelled transcript (WebVTT, SRT or Podcasting 2.0 JSON, chosen by content)
   * used instead of the page's transcript and turn list (and so without turn pins).
   */
  transcript?: SourceFile;
}
