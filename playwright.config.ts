import { defineConfig } from '@playwright/test';

// The browsers and the extension are launched by the fixtures in tests/e2e/support (Debian's
// Chromium and Firefox ESR, never downloaded ones); `npm run build` / `npm run build:firefox` must
// have run first.
export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  // No retries: a test that fails once has found a race, in the test or in the product.
  retries: 0,
  // Each test starts its own browser with the extension; two at once suit a 2-core machine.
  workers: 2,
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects: [
    { name: 'chromium', testMatch: /\.spec\.ts$/ },
    // One replica server on port 443: `npm run test:firefox` runs this project with one worker.
    { name: 'firefox', testMatch: /\.firefox\.ts$/, fullyParallel: false },
  ],
});
