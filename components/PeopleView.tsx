import type { Person } from '@/lib/episode/schema';

/** Host and guests: who they are and where to find them. */
export function PeopleView({ people }: { people: Person[] }) {
  return (
    <ul class="people">
      {people.map((person, index) => (
        <li key={person.id} class="person" data-speaker={index}>
          <div class="person-head">
            <span class="avatar" aria-hidden="true">
              {initials(person.name)}
            </span>
            <div>
              <h3 class="person-name">{person.name}</h3>
              <p class="person-title">
                <span class="badge">{person.role === 'host' ? 'Host' : 'Guest'}</span>
                {person.title}
              </p>
            </div>
          </div>
          {person.bio.map((paragraph) => (
            <p key={paragraph} class="bio">
              {paragraph}
            </p>
          ))}
          {person.links.length > 0 && (
            <ul class="chips" aria-label={`${person.name} on the web`}>
              {person.links.map((link) => (
                <li key={link.url}>
                  <a class="chip" href={link.url} target="_blank" rel="noopener noreferrer">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .filter((c) => /\p{L}/u.test(c))
    .slice(0, 2)
    .join('')
    .toUpperCase();
}
