/**
 * `npm run screenshots` (after `npm run build`, and `npm run build:firefox` for the Firefox one):
 * the store's and the README's screenshots, made from the real build on the replica pages, so they
 * stay true as the UI changes. Each store screenshot is 1280×800: the episode page as the browser
 * shows it beside its side panel (880 px of page, 400 px of panel), put side by side in one frame.
 *
 * - store/screenshots/1-transcript.png: the transcript following playback (light);
 * - store/screenshots/2-search.png: a search finding a name speech-to-text misheard (light);
 * - store/screenshots/3-links.png: the Links tab (dark);
 * - store/screenshots/firefox-sheet.png: Firefox's in-page sheet (when the Firefox build exists).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ElementHandle } from 'puppeteer-core';
import { ExtensionSession } from '../tests/e2e/support/launch';
import { openPanel } from '../tests/e2e/support/panel';
import { startReplicaServer, urls } from '../tests/e2e/support/replica-server';

const OUT = 'store/screenshots';
const PAGE_WIDTH = 880;
const PANEL_WIDTH = 400;
const HEIGHT = 800;

/** The page and its panel side by side, in one 1280×800 PNG, as the browser window shows them. */
async function composite(helper: Page, left: Buffer, right: Buffer): Promise<Buffer> {
  await helper.setViewportSize({ width: PAGE_WIDTH + PANEL_WIDTH, height: HEIGHT });
  await helper.setContent(
    `<body style="margin:0;display:flex;background:#888">
      <img style="width:${PAGE_WIDTH}px;height:${HEIGHT}px;border-right:1px solid #aaa;box-sizing:border-box" src="data:image/png;base64,${left.toString('base64')}">
      <img style="width:${PANEL_WIDTH}px;height:${HEIGHT}px" src="data:image/png;base64,${right.toString('base64')}">
    </body>`,
  );
  await helper.waitForFunction(() => [...document.images].every((i) => i.complete));
  return helper.screenshot({ type: 'png' });
}

async function shoot(
  session: ExtensionSession,
  name: string,
  scheme: 'light' | 'dark',
  act: (page: Page, panel: Page) => Promise<void>,
) {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: PAGE_WIDTH, height: HEIGHT });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(urls.showPage, { waitUntil: 'load' });
  await page.frameLocator('iframe').getByRole('button', { name: 'Play' }).waitFor();
  const host = {
    context: session.context,
    serviceWorker: session.serviceWorker,
    extensionId: session.extensionId,
  };
  const panel = await openPanel(host, page);
  await panel.setViewportSize({ width: PANEL_WIDTH, height: HEIGHT });
  await panel.emulateMedia({ colorScheme: scheme });
  await panel.waitForFunction(() => document.querySelectorAll('.turn').length > 100);
  await act(page, panel);
  const png = await composite(
    await session.context.newPage(),
    await page.screenshot({ type: 'png' }),
    await panel.screenshot({ type: 'png' }),
  );
  writeFileSync(join(OUT, name), png);
  console.log(`${join(OUT, name)} (${PAGE_WIDTH + PANEL_WIDTH}×${HEIGHT})`);
  await panel.close();
  await page.close();
}

const playAt = (page: Page, seconds: number) =>
  page.evaluate(async (t) => {
    const audio = document.querySelector('iframe')?.contentDocument?.querySelector('audio');
    if (!audio) throw new Error('no player');
    audio.currentTime = t;
    await audio.play();
  }, seconds);

async function firefoxSheet() {
  const { launchFirefox, FIREFOX_BUILD } = await import('../tests/e2e/support/firefox');
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    console.log('no Firefox build: firefox-sheet.png not made (npm run build:firefox first)');
    return;
  }
  const replica = await startReplicaServer(443);
  const firefox = await launchFirefox();
  try {
    // Puppeteer's own handles (the journeys' role finder needs the test runner's transform).
    const { page } = firefox;
    await page.goto(urls.showPage);
    const inShadow = (selector: string) =>
      page.waitForFunction(
        (s) => document.querySelector('episode-companion')?.shadowRoot?.querySelector(s),
        {},
        selector,
      );
    const launcher = (await inShadow('.launcher')).asElement() as ElementHandle<Element> | null;
    await launcher?.click();
    const search = (
      await inShadow('input[type="search"]')
    ).asElement() as ElementHandle<Element> | null;
    await search?.click();
    await page.keyboard.type('julia lawall');
    await inShadow('[aria-label="Search results"] li');
    await page.screenshot({ path: join(OUT, 'firefox-sheet.png') });
    console.log(`${join(OUT, 'firefox-sheet.png')} (1280×800)`);
  } finally {
    await firefox.close();
    await replica.close();
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const replica = await startReplicaServer();
  const session = await ExtensionSession.launch(replica);
  try {
    await shoot(session, '1-transcript.png', 'light', async (page, panel) => {
      await playAt(page, 1103);
      await panel.waitForFunction(() => !!document.querySelector('.sentence[aria-current="true"]'));
      // Let the smooth scroll to the line being spoken settle.
      await panel.waitForTimeout(800);
    });
    await shoot(session, '2-search.png', 'light', async (_page, panel) => {
      await panel.getByRole('searchbox', { name: 'Search transcript' }).fill('coccinelle');
      await panel
        .getByRole('list', { name: 'Search results' })
        .getByRole('listitem')
        .first()
        .waitFor();
    });
    await shoot(session, '3-links.png', 'dark', async (_page, panel) => {
      await panel.getByRole('tab', { name: 'Links' }).click();
      await panel.getByRole('tabpanel').getByRole('link').first().waitFor();
    });
  } finally {
    await session.close();
    await replica.close();
  }
  await firefoxSheet();
}

await main();
