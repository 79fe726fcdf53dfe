/** The shared journeys (journeys.ts) in Chromium; the same run in Firefox from firefox/. */
import { JOURNEYS } from './journeys';
import { test } from './support/fixtures';
import { PlaywrightDriver } from './support/playwright-driver';

for (const journey of JOURNEYS) {
  test(journey.title, async ({ page, session }) =>
    journey.run(
      new PlaywrightDriver(page, {
        context: session.context,
        serviceWorker: session.serviceWorker,
        extensionId: session.extensionId,
      }),
    ),
  );
}
