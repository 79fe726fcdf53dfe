import { EPISODE_PAGES } from '@/lib/page/episode-pages';

/**
 * Away from the episode's pages, the way to them: the toolbar button's popup, and the side panel
 * when the tab beside it is not an episode page.
 */
export function PagesPopup({ inPanel = false }: { inPanel?: boolean }) {
  return (
    <main class={inPanel ? 'popup in-panel' : 'popup'}>
      <p class="eyebrow">Rust in Production · S6 E4</p>
      <h1>Rust for Linux</h1>
      <p class="lede">
        The companion (transcript, search, people and links) opens beside the episode on its pages:
      </p>
      <ul class="pages">
        {EPISODE_PAGES.map((page) => (
          <li key={page.url}>
            <a href={page.url} target="_blank" rel="noopener noreferrer">
              <span class="page-label">{page.label}</span>
              <span class="page-url">{shortAddress(page.url)}</span>
            </a>
          </li>
        ))}
      </ul>
      <p class="hint">
        {inPanel ? 'Open one of them and the companion appears here.' : 'There, this button or '}
        {!inPanel && (
          <>
            <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>E</kbd> opens it.
          </>
        )}
      </p>
    </main>
  );
}

/** "corrode.dev/podcast/s06e04-rust4linux/", cut in the middle when long. */
function shortAddress(url: string): string {
  const { hostname, pathname } = new URL(url);
  const full = hostname + pathname;
  return full.length > 44 ? `${full.slice(0, 26)}…${full.slice(-16)}` : full;
}
