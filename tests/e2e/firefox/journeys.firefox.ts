/**
 * The shared journeys (../journeys.ts) in Firefox ESR, with the built add-on installed as a
 * temporary add-on, on the replicas served on port 443 under the pages' real host names.
 * `npm run test:firefox` (after `npm run build:firefox`).
 */
import { test as base, expect } from '@playwright/test';
import { JOURNEYS } from '../journeys';
import type { CompanionDriver } from '../support/driver';
import { type FirefoxSession, launchFirefox } from '../support/firefox';
import {
  REPLICA_HOSTS,
  type ReplicaServer,
  startReplicaServer,
  urls,
} from '../support/replica-server';

const test = base.extend<
  { firefox: FirefoxSession; driver: CompanionDriver },
  { replica: ReplicaServer }
>({
  replica: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await startReplicaServer(443).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EACCES' && error.code !== 'EADDRINUSE') throw error;
        throw new Error(
          `The Firefox tests serve the replica pages on port 443 (${error.code}): run them as root, ` +
            'or allow it with `sysctl net.ipv4.ip_unprivileged_port_start=443`, with 443 free.',
        );
      });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  firefox: async ({ replica }, use) => {
    expect(replica.port).toBe(443);
    const session = await launchFirefox();
    await use(session);
    await session.close();
    // The extension ships everything it shows: it may not reach the network, ever.
    expect(session.foreignRequests, 'requests to hosts other than the replica pages').toEqual([]);
    // Firefox's own services also resolve here (network.dns.forceResolve); only the replicas count.
    const broken = replica.notFound.filter((line) =>
      REPLICA_HOSTS.some((host) => line.startsWith(`${host} `)),
    );
    expect(broken, 'replica requests answered 404').toEqual([]);
  },
  driver: async ({ firefox }, use) => use(firefox.driver),
});

for (const journey of JOURNEYS) {
  test(journey.title, async ({ driver }) => journey.run(driver));
}

// Firefox for Android has no sidebar: there the launcher opens the in-page sheet, the full width of
// the screen. Desktop Firefox at a phone's viewport runs the same sheet and the same media query.
test('on a phone-sized screen the launcher opens the companion as a full-width sheet', async ({
  firefox,
}) => {
  const { page, driver } = firefox;
  await page.setViewport({ width: 390, height: 844 });
  await driver.goto(urls.showPage);
  await driver.click({ role: 'button', name: 'Open episode companion' });
  await driver.waitFor({ role: 'tablist' });
  const sizes = await page.evaluate(() => {
    const aside = document.querySelector('episode-companion')?.shadowRoot?.querySelector('aside');
    const box = aside?.getBoundingClientRect();
    return {
      viewport: document.documentElement.clientWidth,
      left: box?.left ?? -1,
      width: box?.width ?? 0,
    };
  });
  expect(sizes.viewport).toBeLessThanOrEqual(390);
  expect(sizes.left).toBe(0);
  expect(Math.abs(sizes.width - sizes.viewport)).toBeLessThanOrEqual(1);
  await driver.fill({ role: 'searchbox', name: 'Search transcript' }, 'coccinelle');
  await expect
    .poll(
      async () =>
        (await driver.texts('listitem', { role: 'list', name: 'Search results' }))[0] ?? '',
    )
    .toContain('Coconut');
});
