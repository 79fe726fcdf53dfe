/**
 * Builds the packaged Episode from an episode's sources: the page text, facts.json and the curated
 * files beside them (turn pins, link groups and mention terms, people's titles). Pure: takes file
 * texts, returns a validated Episode or throws a SourceError naming file and line.
 */

import { type Episode, type NamedLink, type Person, parseEpisode } from '../episode/schema';
import { parseChapters, placeChapters } from './chapters';
import { CuratedLinksSchema, CuratedPeopleSchema, findMentions, parseCuratedJson } from './curated';
import type { EpisodeSources } from './episode-sources';
import { alignedTurns, importedTurns } from './episode-turns';
import { type Facts, parseFacts, timeParamOf } from './facts';
import { type PageSection, parsePage, type RawPage } from './page-parser';
import { slugify } from './slug';
import { SourceError } from './source-error';

function namedLinks(map: Record<string, string>): NamedLink[] {
  return Object.entries(map).map(([label, url]) => ({ label, url }));
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
