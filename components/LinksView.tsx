import { type Episode, LINK_GROUP_LABELS, type LinkGroup } from '@/lib/episode/schema';
import { linkFavouriteFromOfficial, linkFavouriteFromResource } from '@/lib/favourites/episode';
import { officialLinkId } from '@/lib/favourites/schema';
import { SaveToggle } from './SaveToggle';
import { TimeButton } from './TimeButton';

interface LinksViewProps {
  episode: Episode;
  /** Shows the turn in the transcript. */
  onShowTurn: (turn: number) => void;
}

/** Every link of the show notes under its topic, with where it comes up, then the official links. */
export function LinksView({ episode, onShowTurn }: LinksViewProps) {
  const groups = (Object.keys(LINK_GROUP_LABELS) as LinkGroup[])
    .map((group) => ({ group, links: episode.links.filter((l) => l.group === group) }))
    .filter((g) => g.links.length > 0);
  const turns = episode.transcript.turns;
  return (
    <div class="links">
      {groups.map(({ group, links }) => (
        <section key={group} class="link-group" aria-labelledby={`links-${group}`}>
          <h3 id={`links-${group}`} class="group-heading">
            {LINK_GROUP_LABELS[group]}
          </h3>
          <ul class="link-list">
            {links.map((link) => (
              <li key={link.id} class="link">
                <a href={link.url} target="_blank" rel="noopener noreferrer" class="link-title">
                  {link.title}
                </a>
                <SaveToggle
                  favouriteKey={`link:${link.id}`}
                  label={`Save ${link.title}`}
                  make={() => linkFavouriteFromResource(link)}
                />
                {link.note && <p class="link-note">{link.note}</p>}
                <p class="link-meta">
                  <span class="link-host">{hostOf(link.url)}</span>
                  {link.mentions.length > 0 && (
                    <span class="mentions">
                      Mentioned at
                      {link.mentions.map((turn) => (
                        <TimeButton
                          key={turn}
                          seconds={turns[turn]?.start ?? 0}
                          onSeek={() => onShowTurn(turn)}
                          verb={`${link.title}: show in transcript at`}
                        />
                      ))}
                    </span>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {episode.officialLinks.length > 0 && (
        <section class="link-group" aria-labelledby="links-official">
          <h3 id="links-official" class="group-heading">
            Official links
          </h3>
          <ul class="link-list">
            {episode.officialLinks.map((link) => (
              <li key={link.url} class="link">
                <a href={link.url} target="_blank" rel="noopener noreferrer" class="link-title">
                  {link.label}
                </a>
                <SaveToggle
                  favouriteKey={`link:${officialLinkId(link.label)}`}
                  label={`Save ${link.label}`}
                  make={() => linkFavouriteFromOfficial(link)}
                />
                <p class="link-meta">
                  <span class="link-host">{hostOf(link.url)}</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
