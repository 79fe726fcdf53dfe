import { defineConfig } from '@playwright/test';

// The browser and the extension are launched by the fixture in tests/e2e/support (Debian's
// Chromium, never a downloaded one); `npm run build` must have run first.
export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Each test starts its own browser with the extension; two at once suit a 2-core machine.
  workers: 2,
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
});
