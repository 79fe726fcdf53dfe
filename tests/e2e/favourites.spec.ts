/**
 * Favourites in the real browser: live across tabs (each episode tab with its own side panel,
 * opened as a page through `sidepanel.html?tab=<id>&page=<kind>`), nothing lost when two tabs save at once,
 * still there after the browser restarts on the same profile, and kept on the device when sync is
 * full. Lookups go to the panel page (`ui`).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { openSidebar, tabOf } from './support/sidebar';

/** Goes to `url` in `page` and opens its side panel; returns the panel page. */

const star = (page: Page, name: string, pressed?: boolean) =>
  page.getByRole('button', { name: `Save ${name}`, exact: true, pressed });
const savedLinks = (page: Page) =>
  page.getByRole('region', { name: /^Links \(/ }).getByRole('link');

/** Saves a transcript line as a quote through its actions, shown for the line under the pointer. */
async function saveLine(page: Page, turn: number, sentence: number) {
  const line = page.locator(`#sentence-${turn}-${sentence}`);
  await line.hover();
  await page.locator('.line-actions').getByRole('button', { name: 'Save quote' }).click();
  await expect(line).toHaveClass(/is-saved/);
}

/** The listener clicks "Import JSON" and picks `file` in the browser's file chooser. */
async function pickFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByText('Import JSON').click(),
  ]);
  await chooser.setFiles(file);
}

async function savedLinkTitles(page: Page): Promise<string[]> {
  await tabOf(page, 'Saved').click();
  return (await savedLinks(page).allInnerTexts()).sort();
}

test('a link saved in one tab shows as saved in another open tab at once', async ({
  session,
  urls,
}) => {
  // Two episode tabs, each with its own panel.
  const a = await openSidebar(session, await session.page(), urls.showPage);
  const b = await openSidebar(session, await session.context.newPage(), urls.hostPage);
  await tabOf(a, 'Links').click();
  await tabOf(b, 'Saved').click();
  await expect(b.getByText(/Nothing saved yet/)).toBeVisible();

  await star(a, 'Tokio', false).click();
  await expect(star(a, 'Tokio', true)).toBeVisible();
  await expect(savedLinks(b)).toHaveText(['Tokio']);

  // Removing follows too, and the first tab's star is released.
  await b.getByRole('button', { name: 'Remove Tokio' }).click();
  await expect(b.getByRole('button', { name: 'Undo' })).toBeFocused();
  await expect(b.getByText('Removed “Tokio”.')).toBeVisible();
  await expect(star(a, 'Tokio', false)).toBeVisible();
  await b.getByRole('button', { name: 'Undo' }).click();
  await expect(star(a, 'Tokio', true)).toBeVisible();

  // Several removals are undone one by one, most recent first, each back in its place.
  await star(a, 'Aya', false).click();
  await expect(savedLinks(b)).toHaveText(['Aya', 'Tokio']);
  await b.getByRole('button', { name: 'Remove Tokio' }).click();
  await b.getByRole('button', { name: 'Remove Aya' }).click();
  await expect(b.getByText(/Nothing saved yet/)).toBeVisible();
  await b.getByRole('button', { name: 'Undo removing “Aya”' }).click();
  await b.getByRole('button', { name: 'Undo removing “Tokio”' }).click();
  await expect(savedLinks(b)).toHaveText(['Aya', 'Tokio']);
  await expect(b.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
  // Focus stays in the list (on the row that came back), not lost to the page.
  await expect(b.getByRole('button', { name: 'Remove Tokio' })).toBeFocused();
});

test('two tabs saving different things at the same moment lose none of them', async ({
  session,
  urls,
}) => {
  const pageA = await session.page();
  const pageB = await session.context.newPage();
  let a = await openSidebar(session, pageA, urls.showPage);
  let b = await openSidebar(session, pageB, urls.showPage);
  await tabOf(a, 'Links').click();
  await tabOf(b, 'Links').click();
  const fromA = ['Tokio', 'Aya', 'Coccinelle'];
  const fromB = ['klint', 'Linux Plumbers Conference', 'Rust for Linux'];
  // One click per tab at the same moment (a listener has one pointer per tab), three rounds.
  for (const [i, name] of fromA.entries()) {
    await Promise.all([star(a, name).click(), star(b, fromB[i]!).click()]);
  }
  await tabOf(a, 'Transcript').click();
  await tabOf(b, 'Transcript').click();
  await Promise.all([saveLine(a, 0, 1), saveLine(b, 0, 2)]);

  // Both lists follow storage; once they show everything, reload both tabs and open their panels
  // afresh: what they show now comes from storage alone.
  const all = [...fromA, ...fromB].sort();
  for (const page of [a, b]) {
    await tabOf(page, 'Saved').click();
    await expect(savedLinks(page)).toHaveCount(all.length);
    await expect(page.getByRole('heading', { name: 'Quotes and clips (2)' })).toBeVisible();
  }
  await Promise.all([pageA.reload(), pageB.reload()]);
  await Promise.all([a.close(), b.close()]);
  a = await openSidebar(session, pageA, urls.showPage);
  b = await openSidebar(session, pageB, urls.showPage);
  for (const page of [a, b]) {
    await tabOf(page, 'Saved').click();
    await expect(savedLinks(page)).toHaveCount(all.length);
    expect(await savedLinkTitles(page)).toEqual(all);
    await expect(page.getByRole('heading', { name: 'Quotes and clips (2)' })).toBeVisible();
  }
});

test('favourites are still there after the browser restarts on the same profile', async ({
  session,
  urls,
  extensionId,
}) => {
  let page = await openSidebar(session, await session.page(), urls.showPage);
  await tabOf(page, 'Links').click();
  await star(page, 'Aya').click();
  await tabOf(page, 'Transcript').click();
  await saveLine(page, 0, 0);
  await expect(page.getByRole('button', { name: 'Save quote', pressed: true })).toHaveCount(1);

  await session.relaunch();
  page = await openSidebar(session, await session.page(), urls.hostPage);
  expect(await savedLinkTitles(page)).toEqual(['Aya']);
  await expect(page.getByRole('heading', { name: 'Quotes and clips (1)' })).toBeVisible();
  // The saved quote leads back to its sentence, whose star shows it saved.
  await page.getByRole('button', { name: /^Show in transcript: / }).click();
  await expect(tabOf(page, 'Transcript')).toHaveAttribute('aria-selected', 'true');
  // The line keeps its saved mark, and its actions show it saved.
  await expect(page.locator('.sentence.is-saved')).toHaveCount(1);
  await page.locator('.sentence.is-saved').hover();
  await expect(page.getByRole('button', { name: 'Save quote', pressed: true })).toHaveCount(1);
  await tabOf(page, 'Saved').click();

  // The same library outside the episode pages.
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId || extensionId}/options.html`);
  await expect(savedLinks(options)).toHaveText(['Aya']);
  await expect(options.getByRole('heading', { name: 'Quotes and clips (1)' })).toBeVisible();
  // There, playing a quote opens the host's episode page at that moment.
  const [opened] = await Promise.all([
    session.context.waitForEvent('page'),
    options.getByRole('button', { name: /^Play from \d+:\d\d$/ }).click(),
  ]);
  await opened.waitForLoadState();
  expect(opened.url().startsWith(`${urls.hostPage}?t=`)).toBe(true);
  expect(new URL(opened.url()).searchParams.get('t')).toMatch(/^\d\d:\d\d$/);
});

test('when sync storage is full a favourite is kept on this device, and says so', async ({
  session,
  urls,
}) => {
  // Fill sync to the brim (Chrome: 100 KB in all, 8 KB an item) so the next write is refused.
  // Bounded, and the refusal is returned: if the quota were never enforced, this fails here
  // instead of looping for ever.
  const refusal = await session.serviceWorker.evaluate(async () => {
    type SyncArea = { set(items: Record<string, string>): Promise<void> };
    const sync = (globalThis as unknown as { chrome: { storage: { sync: SyncArea } } }).chrome
      .storage.sync;
    const maxFillers = 64; // 64 × 8 KB is five times the whole quota
    for (let i = 0; i < maxFillers; i++) {
      try {
        await sync.set({ [`filler-${i}`]: 'x'.repeat(8000) });
      } catch (error) {
        // Top up the last bytes; a refusal of one of these smaller writes is expected.
        for (let size = 4000; size >= 1; size = Math.floor(size / 2)) {
          await sync.set({ [`filler-${i}-${size}`]: 'x'.repeat(size) }).catch(() => undefined);
        }
        return String((error as Error).message ?? error);
      }
    }
    return null;
  });
  // Chrome words it "QUOTA_BYTES quota exceeded" or, lately, "Resource::kQuotaBytes quota exceeded".
  expect(refusal, 'sync storage never refused a write: quota not enforced').toMatch(/quota/i);
  const page = await openSidebar(session, await session.page(), urls.showPage);
  await tabOf(page, 'Links').click();
  await star(page, 'Tokio').click();
  await expect(star(page, 'Tokio', true)).toBeVisible();
  await expect(
    page.getByText('Saved on this device only: sync storage is full').first(),
  ).toBeVisible();

  await session.relaunch();
  const again = await openSidebar(session, await session.page(), urls.showPage);
  expect(await savedLinkTitles(again)).toEqual(['Tokio']);
  await expect(again.getByText(/Saved on this device only: sync storage is full/)).toBeVisible();
  await expect(again.getByText(/on this device only/).first()).toBeVisible();
});

test('export to JSON and Markdown, import back with a report, from the Saved tab', async ({
  session,
  urls,
}) => {
  const page = await openSidebar(session, await session.page(), urls.showPage);
  await tabOf(page, 'Links').click();
  await star(page, 'Tokio').click();
  await star(page, 'Aya').click();
  await tabOf(page, 'Saved').click();
  await expect(savedLinks(page)).toHaveCount(2);

  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
  expect(markdown.suggestedFilename()).toMatch(/^rust-for-linux-favourites-.*\.md$/);
  const md = await readDownload(markdown);
  expect(md).toContain('- [Tokio](<https://tokio.rs/>)');
  expect(md).toContain('- [Aya](<https://aya-rs.dev/>)');

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const exported = await readDownload(json);
  expect(JSON.parse(exported).favourites).toHaveLength(2);

  // Remove one, then import the file: it comes back; the other is reported as already saved.
  await page.getByRole('button', { name: 'Remove Tokio' }).click();
  await expect(savedLinks(page)).toHaveText(['Aya']);
  // A file filled in by script, without the listener's click, is not imported.
  await page.getByLabel('Import JSON').setInputFiles({
    name: 'planted.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  await pickFile(page, {
    name: 'saved.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  await expect(page.getByText(/From planted\.json/)).toHaveCount(0);
  await expect(page.getByText('From saved.json: imported 1 item, skipped 1 item.')).toBeVisible();
  await expect(page.getByText(/“Aya”: already saved/)).toBeVisible();
  expect(await savedLinkTitles(page)).toEqual(['Aya', 'Tokio']);

  await pickFile(page, {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "favourites": [\n    {,\n  ]\n}'),
  });
  await expect(
    page.getByText(/Nothing imported\. broken\.json, line 3: not valid JSON/),
  ).toBeVisible();
});

test('the saved library has no accessibility violations, on the options page and in the sidebar', async ({
  session,
  urls,
}) => {
  // Two full axe scans, one of the whole panel page (the transcript is in its DOM): slow on a
  // two-core machine with two browsers running.
  test.slow();
  const page = await openSidebar(session, await session.page(), urls.showPage);
  await tabOf(page, 'Links').click();
  await star(page, 'Tokio').click();
  await tabOf(page, 'Transcript').click();
  await saveLine(page, 0, 0);
  // Grown into a clip across the first turn.
  await page.locator('#sentence-1-0').click({ modifiers: ['Shift'] });
  await expect(page.locator('#sentence-1-0')).toHaveClass(/in-clip/);
  await tabOf(page, 'Saved').click();
  await expect(page.getByRole('heading', { name: 'Quotes and clips (1)' })).toBeVisible();
  // A note on the link, and the clip's note box left open for the scan.
  await page.getByRole('button', { name: 'Add note' }).first().click();
  await expect(page.getByRole('textbox', { name: 'Note for Tokio' })).toBeFocused();
  await page.keyboard.type('Read its scheduler');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('note')).toHaveText('Read its scheduler');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('textbox', { name: /^Note for / })).toBeFocused();
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Quotes and clips (1)' })).toBeVisible();
  // The library shows notes too.
  await expect(options.getByRole('note')).toHaveText('Read its scheduler');
  const results = await new AxeBuilder({ page: options }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // The Saved tab in the side panel: the whole panel page, all its content in landmarks. The panel
  // is the complementary landmark "Episode companion" beside the episode page (the role it keeps
  // on every surface), so the rules for a page's own main landmark and h1 do not apply.
  const sidebarResults = await new AxeBuilder({ page })
    .disableRules(['landmark-one-main', 'page-has-heading-one'])
    .analyze();
  expect(sidebarResults.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}
