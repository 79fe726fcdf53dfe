/**
 * The favourites library outside the episode pages: the same Saved list as the sidebar. Playing a
 * quote opens the host's episode page at that moment (`?t=MM:SS`).
 */
import { render } from 'preact';
import { SavedTab } from '@/components/SavedTab';
import { loadEpisode } from '@/lib/episode/packaged';
import { pageTimeUrl } from '@/lib/episode/quote';
import '@/components/favourites.css';
import './options.css';

const episode = loadEpisode();
const { hostPage } = episode.episode.pages;

function Options() {
  return (
    <>
      <h1>Saved from “{episode.episode.title}”</h1>
      <p>
        Links and quotes you saved in the episode companion. They sync to your other browsers when
        browser sync is on. Quotes open the{' '}
        <a href={hostPage} target="_blank" rel="noopener noreferrer">
          episode page
        </a>{' '}
        at that moment.
      </p>
      <SavedTab
        episode={episode}
        headingLevel={2}
        onPlayQuote={(seconds) =>
          window.open(
            pageTimeUrl(hostPage, seconds, episode.episode.timeParam),
            '_blank',
            'noopener,noreferrer',
          )
        }
      />
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
