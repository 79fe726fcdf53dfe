/**
 * Builds the packaged Episode from an episode's sources: the page text, facts.json and the curated
 * files beside them (turn pins, link groups and mention terms, people's titles). Pure: takes file
 * texts, returns a validated Episode or throws a SourceError naming file and line.
 */

import {
  type Episode,
  type NamedLink,
  type Person,
  parseEpisode,
  type Turn,
} from '../episode/schema';
import { parseChapters, placeChapters } from './chapters';
import { CuratedLinksSchema, CuratedPeopleSchema, findMentions, parseCuratedJson } from './curated';
import { type Facts, parseFacts, timeParamOf } from './facts';
import { importPodcastTranscript } from './formats/podcast-transcript';
import { importVtt } from './formats/vtt-import';
import { type PageSection, parsePage, type RawPage } from './page-parser';
import { joinTurnText, turnSentences } from './sentences';
import { slugify } from './slug';
import { SourceError } from './source-error';
import { alignTurns, type TurnStart } from './turns/aligner';
import { parseTurnPins, type TurnPin } from './turns/pins';

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
   * A timed, speaker-labelled transcript (WebVTT with voice tags or Podcasting 2.0 JSON) used
   * instead of the page's transcript and turn list (and so without turn pins).
   */
  transcript?: SourceFile;
}

/** Speaking rate used to estimate how long the last turn lasts. */
const WORDS_PER_SECOND = 3;

function namedLinks(map: Record<string, string>): NamedLink[] {
  return Object.entries(map).map(([label, url]) => ({ label, url }));
}

/** Text of each turn: from its start to the next turn's start, lines joined with spaces. */
export function sliceTurns(lines: readonly string[], starts: readonly TurnStart[]): string[] {
  return starts.map((s, k) => {
    const next = starts[k + 1] ?? { line: lines.length, column: 0 };
    const parts: string[] = [];
    for (let l = s.line; l <= next.line && l < lines.length; l++) {
      const line = lines[l] ?? '';
      const from = l === s.line ? s.column : 0;
      const to = l === next.line ? next.column : line.length;
      if (to > from) parts.push(line.slice(from, to));
    }
    return joinTurnText(parts);
  });
}

/**
 * The header only says "49 min"; the last turn's words at ~3 words/s give a better estimate,
 * kept within the header's rounding window and never before the last turn starts.
 */
export function estimateDuration(minutes: number, lastStart: number, lastWords: number): number {
  const low = (minutes - 0.5) * 60;
  const high = (minutes + 0.5) * 60;
  const spoken = lastStart + lastWords / WORDS_PER_SECOND;
  return Math.round(Math.max(lastStart, Math.min(high, Math.max(low, spoken))));
}

function buildPeople(
  facts: Facts,
  page: RawPage,
  sources: EpisodeSources,
): { people: Person[]; bioSections: Set<PageSection> } {
  const peopleFile = sources.people;
  if (!peopleFile) {
    throw new SourceError('people.json', undefined, 'missing (needs a title for every person)');
  }
  const curated = parseCuratedJson(CuratedPeopleSchema, peopleFile.text, peopleFile.file);
  const bioSections = new Set<PageSection>();
  for (const name of Object.keys(curated)) {
    if (!(name in facts.people)) {
      throw new SourceError(peopleFile.file, undefined, `"${name}" is not a person in facts.json`);
    }
  }
  const people = Object.entries(facts.people).map(([name, fact]): Person => {
    const about = page.sections.find((s) => s.subject === name);
    if (about) bioSections.add(about);
    const extra = curated[name];
    if (!extra) throw new SourceError(peopleFile.file, undefined, `no entry for "${name}"`);
    const bio = about?.paragraphs ?? extra.bio;
    if (!bio || bio.length === 0) {
      throw new SourceError(
        peopleFile.file,
        undefined,
        `"${name}" has no "About ${name}" section in the page, so needs a "bio" here`,
      );
    }
    return {
      id: slugify(name),
      name,
      shortName: name.split(/\s+/)[0] ?? name,
      role: fact.role,
      title: extra.title,
      bio,
      links: namedLinks(fact.links),
    };
  });
  return { people, bioSections };
}

export function buildEpisode(sources: EpisodeSources): Episode {
  const facts = parseFacts(sources.facts.text, sources.facts.file);
  const shortNames = Object.keys(facts.people).map((n) => n.split(/\s+/)[0] ?? n);
  const page = parsePage(sources.page.text, sources.page.file, {
    linkTitles: Object.keys(facts.links),
    speakers: shortNames,
  });
  if (page.published !== facts.episode.published) {
    throw new SourceError(
      sources.page.file,
      3,
      `date ${page.published} differs from facts.json episode.published ${facts.episode.published}`,
    );
  }
  const { people, bioSections } = buildPeople(facts, page, sources);
  const host = people.find((p) => p.role === 'host');
  if (!host) throw new SourceError(sources.facts.file, undefined, 'people: no person is the host');
  const idOf = (short: string) => people.find((p) => p.shortName === short)?.id ?? short;

  const { turns, texts, duration } = sources.transcript
    ? importedTurns(sources.transcript, people)
    : alignedTurns(page, sources, host.id, idOf);

  const links = buildLinks(page, facts, texts, sources);
  const chapters = sources.chapters
    ? placeChapters(
        parseChapters(sources.chapters.text, sources.chapters.file),
        turns,
        duration,
        sources.chapters.file,
      )
    : undefined;
  const episode: Episode = {
    schemaVersion: 1,
    id: sources.id,
    show: {
      title: facts.show.title,
      publisher: facts.show.publisher,
      site: facts.show.site,
      feed: facts.show.feed,
      listenOn: namedLinks(facts.show.listenOn),
    },
    episode: {
      title: page.title,
      subtitle: page.subtitle,
      published: facts.episode.published,
      durationSeconds: duration,
      season: facts.episode.season,
      number: facts.episode.number,
      pages: facts.episode.pages,
      timeParam: timeParamOf(facts),
      description: page.description,
      pullQuote: page.pullQuote,
      sections: page.sections
        .filter((s) => !bioSections.has(s))
        .map((s) => ({ heading: s.heading, paragraphs: s.paragraphs })),
    },
    people,
    links,
    officialLinks: officialLinks(page, facts, sources),
    transcript: { turns },
    ...(chapters ? { chapters } : {}),
  };
  return parseEpisode(episode);
}

interface BuiltTurns {
  turns: Turn[];
  /** Each turn's text, for finding where links come up. */
  texts: string[];
  duration: number;
}

/** Turns from the page: its transcript lines aligned to its list of speaker turns. */
function alignedTurns(
  page: RawPage,
  sources: EpisodeSources,
  hostId: string,
  idOf: (shortName: string) => string,
): BuiltTurns {
  const pins: TurnPin[] = sources.pins ? parseTurnPins(sources.pins.text, sources.pins.file) : [];
  // The text before the first listed turn is the host's, from 00:00:00.
  const cues = [
    { speaker: hostId, start: 0 },
    ...page.turns.map((t) => ({ speaker: idOf(t.name), start: t.start })),
  ];
  const starts = alignTurns({ lines: page.transcript, cues, pins });
  if (starts.length !== cues.length) {
    throw new Error(`turn aligner returned ${starts.length} starts for ${cues.length} turns`);
  }
  const texts = sliceTurns(page.transcript, starts);
  texts.forEach((text, k) => {
    if (!text) {
      const line = page.turns[k - 1]?.line;
      throw new SourceError(sources.page.file, line, 'this turn got no transcript text');
    }
  });
  const lastStart = cues[cues.length - 1]!.start;
  const lastWords = (texts[texts.length - 1] ?? '').split(/\s+/).length;
  const duration = estimateDuration(page.durationMinutes, lastStart, lastWords);
  const turns = cues.map((cue, k) => {
    const end = cues[k + 1]?.start ?? duration;
    return {
      speaker: cue.speaker,
      start: cue.start,
      end,
      sentences: turnSentences(texts[k] ?? '', cue.start, end),
    };
  });
  return { turns, texts, duration };
}

/** Turns from a WebVTT or Podcasting 2.0 JSON transcript, speakers named as in the episode. */
function importedTurns(file: SourceFile, people: Person[]): BuiltTurns {
  const speakers = new Map<string, string>();
  for (const p of people) {
    for (const name of [p.name, p.shortName, p.id]) speakers.set(name, p.id);
  }
  const isVtt = /^\uFEFF?WEBVTT/.test(file.text);
  const { turns } = isVtt
    ? importVtt(file.text, file.file, { speakers })
    : importPodcastTranscript(file.text, file.file, { speakers });
  const last = turns[turns.length - 1]!;
  const texts = turns.map((t) => joinTurnText(t.sentences.map((s) => s.text)));
  return { turns, texts, duration: last.end };
}

function buildLinks(page: RawPage, facts: Facts, texts: string[], sources: EpisodeSources) {
  if (page.links.length === 0) return [];
  const file = sources.links;
  if (!file) throw new SourceError('links.json', undefined, 'missing (the page lists links)');
  const curated = parseCuratedJson(CuratedLinksSchema, file.text, file.file);
  const listed = new Set(page.links.map((l) => l.title));
  for (const title of Object.keys(curated)) {
    if (!listed.has(title)) {
      throw new SourceError(file.file, undefined, `"${title}" is not a link of the page`);
    }
  }
  return page.links.map((link) => {
    const extra = curated[link.title];
    if (!extra) {
      throw new SourceError(
        sources.page.file,
        link.line,
        `link "${link.title}" has no entry (group, terms) in ${file.file}`,
      );
    }
    const mentions = findMentions(texts, extra.terms);
    if (mentions.length === 0) {
      throw new SourceError(
        file.file,
        undefined,
        `"${link.title}": no turn matches its terms (${extra.terms.join(', ')})`,
      );
    }
    return {
      id: slugify(link.title),
      title: link.title,
      note: link.note,
      url: facts.links[link.title]!,
      group: extra.group,
      mentions,
    };
  });
}

function officialLinks(page: RawPage, facts: Facts, sources: EpisodeSources): NamedLink[] {
  for (const listed of page.officialLinks) {
    if (!facts.officialLinks.some((o) => o.title === listed.title)) {
      throw new SourceError(
        sources.page.file,
        listed.line,
        `official link "${listed.title}" has no known address in facts.json (officialLinks)`,
      );
    }
  }
  return facts.officialLinks.map((o) => ({ label: o.title, url: o.url }));
}
