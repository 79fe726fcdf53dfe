import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { EPISODE_MATCHES } from './lib/page/episode-pages';

// The two pages the companion lives on (with or without a query string). Host permissions are
// exactly these, nothing wider; `lib/episode-pages.ts` builds them from the pages' addresses.
export { EPISODE_MATCHES };

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
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
      'Transcript, search, people and links for the Rust in Production episode “Rust for Linux”, in a sidebar on its pages.',
    // `scripting` injects the sidebar into an episode page on first open (host access limits it to
    // those two pages); `contextMenus` adds "Find in transcript" for selected text on those pages
    // only (Firefox knows it as `menus`). Nothing else is needed.
    permissions: ['storage', 'scripting', 'contextMenus'],
    host_permissions: EPISODE_MATCHES,
    action: { default_title: 'Episode companion' },
    commands: {
      // The toolbar button's own command: toggles the sidebar on the episode's pages, shows the
      // popup with the two pages elsewhere.
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Open or close the episode companion',
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
