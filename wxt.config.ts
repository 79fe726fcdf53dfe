import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The two pages the companion lives on. Host permissions are exactly these, nothing wider.
export const EPISODE_MATCHES = [
  'https://corrode.dev/podcast/s06e04-rust4linux/*',
  'https://letscast.fm/sites/rust-in-production-82281512/episode/rust-for-linux-with-alice-ryhl-and-greg-kroah-hartman*',
];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Rust for Linux — Episode Companion',
    description:
      'Transcript, search, people and links for the Rust in Production episode “Rust for Linux”, in a sidebar on its pages.',
    permissions: ['storage'],
    host_permissions: EPISODE_MATCHES,
  },
});
