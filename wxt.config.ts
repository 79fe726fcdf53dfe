import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { EPISODE_MATCHES } from './lib/page/episode-pages';

// The two pages the companion lives on (with or without a query string); `lib/page/episode-pages.ts`
// builds the content script's match patterns from the pages' addresses. Browsers grant host access
// per site, not per page: the install prompt names corrode.dev and letscast.fm, and the code refuses
// every other page of those sites (lib/page/panel-router.ts).
export { EPISODE_MATCHES };

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // The PNG icons (16–128 px) are made at build time from the one committed SVG.
  autoIcons: { baseIconPath: 'assets/icon.svg', developmentIndicator: false },
  // The sources archive addons.mozilla.org asks for holds what builds the add-on, not the store's
  // screenshots.
  zip: { excludeSources: ['store/screenshots/**'] },
  vite: () => ({
    plugins: [preact()],
    // The packaged episode (130 KB of JSON) goes in as a JSON.parse string, which engines read
    // faster than the same data as a JavaScript object literal.
    json: { stringify: true },
  }),
  // `npm run dev` opens the browser on the episode page, where the companion lives. Chromium
  // refuses to start as root (as in containers and on our machines) unless told to go without
  // its sandbox; as any other user it keeps it.
  webExt: {
    startUrls: ['https://corrode.dev/podcast/s06e04-rust4linux/'],
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  manifest: ({ manifestVersion, browser }) => ({
    name: 'Rust for Linux — Episode Companion',
    description:
      // The stores' short description too (store/listing.md): at most 132 characters.
      'Follow the transcript of the Rust in Production episode “Rust for Linux” as it plays, with search, people, links and favourites.',
    // `storage`: favourites and the launcher's place. `contextMenus`: "Find in transcript" for
    // selected text on the two pages (Firefox knows it as `menus`). Chrome: `sidePanel` shows the
    // companion in the browser's side panel; the content script's matches are its only access to
    // pages. Firefox: its sidebar needs no permission, but the launcher there opens the in-page sheet,
    // which `scripting` injects into the two pages (host access for them, granted at install).
    permissions:
      browser === 'firefox'
        ? ['storage', 'scripting', 'contextMenus', ...EPISODE_MATCHES]
        : ['storage', 'sidePanel', 'contextMenus'],
    action: {
      default_title: 'Episode companion',
      default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' },
    },
    commands: {
      // The toolbar button's own command: toggles the sidebar on the episode's pages, shows the
      // popup with the two pages elsewhere.
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Open the episode companion',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'rust-for-linux-companion@episode-companion',
          // Everything is packaged; nothing leaves the browser.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
