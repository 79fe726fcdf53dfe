/**
 * Clips and notes in the real browser: a clip of three sentences across a turn, made by mouse and
 * by keyboard from a line's save action; notes on it and on a saved link that survive a reload;
 * one note edited in two tabs; a note that sync has no room for; the Markdown export; the filter.
 * Lookups go to the panel page (`ui`), opened through `sidepanel.html?tab=<id>&page=<kind>`.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { media, playerReady } from './support/media';
import { openSidebar, tabOf } from './support/sidebar';

const line = (ui: Page, turn: number, sentence: number) =>
  ui.locator(`#sentence-${turn}-${sentence}`);
// Matthias asks his last two questions (turn 9), Greg answers (turn 10): 4:24 to 4:29.
const CLIP = [
  [9, 2],
  [9, 3],
  [10, 0],
] as const;
const clipLines = (ui: Page) => CLIP.map(([t, s]) => line(ui, t, s));
const CLIP_META = 'Matthias Endler, Greg Kroah-Hartman · 4:24–4:29 · clip of 3 sentences';
const clipItem = (ui: Page) => ui.locator('.saved-clip');

async function saveLineByMouse(ui: Page, turn: number, sentence: number) {
  await line(ui, turn, sentence).hover();
  await ui.locator('.line-actions').getByRole('button', { name: 'Save quote' }).click();
  await expect(line(ui, turn, sentence)).toHaveClass(/is-saved/);
}

/**
 * Records every message the companion's status line shows from now on: each shows for a moment
 * only, so reading it later could miss it on a slow machine.
 */
async function recordStatus(ui: Page): Promise<() => Promise<string[]>> {
  await ui.evaluate(() => {
    const status = document.querySelector('.copy-status');
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    new MutationObserver(() => {
      const text = status?.textContent ?? '';
      if (text) seen.push(text);
    }).observe(status as Node, { childList: true, characterData: true, subtree: true });
  });
  return () => ui.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
}

async function expectClipSaved(ui: Page) {
  for (const l of clipLines(ui)) await expect(l).toHaveClass(/in-clip/);
  await tabOf(ui, 'Saved').click();
  await expect(ui.getByRole('heading', { name: 'Quotes and clips (1)' })).toBeVisible();
  await expect(clipItem(ui).locator('.saved-meta').first()).toHaveText(CLIP_META);
  await expect(clipItem(ui).locator('.clip-speaker')).toHaveText([
    'Matthias Endler:',
    'Greg Kroah-Hartman:',
  ]);
}

async function writeNote(
  ui: Page,
  name: RegExp | string,
  buttonIn: ReturnType<Page['locator']>,
  text: string,
) {
  await buttonIn.getByRole('button', { name: /^(Add|Edit) note$/ }).click();
  const box = ui.getByRole('textbox', { name });
  await expect(box).toBeFocused();
  await box.fill(text);
  // Ctrl+Enter saves and gives focus back to the button.
  await box.press('Control+Enter');
  await expect(box).toHaveCount(0);
}

async function readDownload(download: Download): Promise<string> {
  return readFileSync((await download.path()) as string, 'utf8');
}

test('a clip of three sentences across a turn, by mouse: save a line, shift-click the last', async ({
  session,
  urls,
}) => {
  const page = await session.page();
  const ui = await openSidebar(session, page, urls.showPage);
  await saveLineByMouse(ui, 9, 2);
  const statuses = await recordStatus(ui);
  // Shift+click grows the quote just saved; it does not play from that line.
  await line(ui, 10, 0).click({ modifiers: ['Shift'] });
  await expect
    .poll(statuses)
    .toContain('Clip saved, 3 sentences: Matthias Endler and Greg Kroah-Hartman, 4:24 to 4:29');
  await expectClipSaved(ui);
  // Playing the clip plays from its start.
  await playerReady(page);
  await clipItem(ui).getByRole('button', { name: 'Play from 4:24' }).click();
  await expect.poll(async () => Math.round((await media(page))?.time ?? -1)).toBe(264);
});

test('a clip by keyboard: the line’s save action, then Shift+↓ to grow it and Shift+↑ to trim', async ({
  session,
  urls,
}) => {
  const ui = await openSidebar(session, await session.page(), urls.showPage);
  await line(ui, 9, 2).focus();
  await ui.keyboard.press('Tab');
  const save = ui.locator('.line-actions').getByRole('button', { name: 'Save quote' });
  await expect(save).toBeFocused();
  await ui.keyboard.press('Enter');
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await ui.keyboard.press('Shift+Tab');
  await expect(line(ui, 9, 2)).toBeFocused();
  const statuses = await recordStatus(ui);
  for (const _ of [1, 2, 3]) await ui.keyboard.press('Shift+ArrowDown');
  await expect(line(ui, 10, 1)).toBeFocused();
  await ui.keyboard.press('Shift+ArrowUp');
  await expect(line(ui, 10, 0)).toBeFocused();
  // However the writes fell, the last word is the clip as it stands.
  await expect
    .poll(async () => (await statuses()).at(-1))
    .toBe('Clip saved, 3 sentences: Matthias Endler and Greg Kroah-Hartman, 4:24 to 4:29');
  await expect(line(ui, 10, 1)).not.toHaveClass(/in-clip/);
  await expectClipSaved(ui);
});

test('notes on a clip and on a saved link survive a reload, and the filter finds them', async ({
  session,
  urls,
}) => {
  const page = await session.page();
  let ui = await openSidebar(session, page, urls.showPage);
  await saveLineByMouse(ui, 9, 2);
  await line(ui, 10, 0).click({ modifiers: ['Shift'] });
  await tabOf(ui, 'Links').click();
  await ui.getByRole('button', { name: 'Save klint', exact: true }).click();
  await tabOf(ui, 'Saved').click();
  await expect(clipItem(ui)).toBeVisible();
  await writeNote(
    ui,
    /^Note for Did you get into any segfaults/,
    clipItem(ui),
    'Ask the team about LTS',
  );
  const klint = ui.locator('.saved-item', { has: ui.getByRole('link', { name: 'klint' }) });
  await writeNote(ui, 'Note for klint', klint, 'Try it on our driver');
  await expect(klint.getByRole('button', { name: 'Edit note' })).toBeFocused();

  await page.reload();
  await ui.close();
  ui = await openSidebar(session, page, urls.showPage);
  await tabOf(ui, 'Saved').click();
  await expect(clipItem(ui).locator('.saved-note-text')).toHaveText('Ask the team about LTS');
  const klintAgain = ui.locator('.saved-item', { has: ui.getByRole('link', { name: 'klint' }) });
  await expect(klintAgain.locator('.saved-note-text')).toHaveText('Try it on our driver');

  // The Saved tab's filter reads notes too.
  await ui.getByRole('searchbox', { name: 'Filter saved items' }).fill('driver');
  await expect(ui.locator('.saved-item')).toHaveCount(1);
  await expect(ui.getByText('Showing 1 of 2.')).toBeVisible();
  await expect(klintAgain).toBeVisible();

  // Esc cancels an edit.
  await ui.getByRole('searchbox', { name: 'Filter saved items' }).fill('');
  await clipItem(ui).getByRole('button', { name: 'Edit note' }).click();
  await expect(ui.getByRole('textbox', { name: /^Note for / })).toBeFocused();
  await ui.keyboard.press('End');
  await ui.keyboard.type(' and stable kernels');
  await ui.keyboard.press('Escape');
  await expect(clipItem(ui).getByRole('button', { name: 'Edit note' })).toBeFocused();
  await expect(clipItem(ui).locator('.saved-note-text')).toHaveText('Ask the team about LTS');
  // Tab out of the box saves it, as leaving it any other way does.
  await clipItem(ui).getByRole('button', { name: 'Edit note' }).click();
  await expect(ui.getByRole('textbox', { name: /^Note for / })).toBeFocused();
  await ui.keyboard.press('End');
  await ui.keyboard.type(' before Friday');
  await ui.keyboard.press('Tab');
  await expect(clipItem(ui).getByRole('note')).toHaveText('Ask the team about LTS before Friday');
});

test('the same note edited in two tabs: the later edit wins in both', async ({ session, urls }) => {
  const a = await openSidebar(session, await session.page(), urls.showPage);
  const b = await openSidebar(session, await session.context.newPage(), urls.hostPage);
  await tabOf(a, 'Links').click();
  await a.getByRole('button', { name: 'Save klint', exact: true }).click();
  for (const ui of [a, b]) await tabOf(ui, 'Saved').click();
  const klint = (ui: Page) =>
    ui.locator('.saved-item', { has: ui.getByRole('link', { name: 'klint' }) });
  await expect(klint(b)).toBeVisible();
  // Both open the box before either saves.
  await klint(a).getByRole('button', { name: 'Add note' }).click();
  await klint(b).getByRole('button', { name: 'Add note' }).click();
  await a.getByRole('textbox', { name: 'Note for klint' }).fill('from the first tab');
  await b.getByRole('textbox', { name: 'Note for klint' }).fill('from the second tab');
  // Leaving the box saves it.
  await a.getByRole('searchbox', { name: 'Filter saved items' }).focus();
  await expect(klint(b).getByRole('textbox', { name: 'Note for klint' })).toHaveValue(
    'from the second tab',
  );
  await expect(klint(a).locator('.saved-note-text')).toHaveText('from the first tab');
  await b.getByRole('searchbox', { name: 'Filter saved items' }).focus();
  for (const ui of [a, b])
    await expect(klint(ui).locator('.saved-note-text')).toHaveText('from the second tab');
});

test('a note being written while another tab removes its link brings the link back with it', async ({
  session,
  urls,
}) => {
  const a = await openSidebar(session, await session.page(), urls.showPage);
  const b = await openSidebar(session, await session.context.newPage(), urls.showPage);
  await tabOf(a, 'Links').click();
  await a.getByRole('button', { name: 'Save klint', exact: true }).click();
  for (const ui of [a, b]) await tabOf(ui, 'Saved').click();
  const klint = (ui: Page) =>
    ui.locator('.saved-item', { has: ui.getByRole('link', { name: 'klint' }) });
  await klint(a).getByRole('button', { name: 'Add note' }).click();
  await b.getByRole('button', { name: 'Remove klint' }).click();
  await expect(b.getByText(/Nothing saved yet/)).toBeVisible();
  // The first tab keeps the item while its box is open, and says what saving will do.
  await expect(klint(a).locator('.saved-meta').first()).toContainText(
    'removed in another tab: saving the note keeps it',
  );
  await a.getByRole('textbox', { name: 'Note for klint' }).fill('Keep this one after all');
  await a.keyboard.press('Control+Enter');
  for (const ui of [a, b])
    await expect(klint(ui).getByRole('note')).toHaveText('Keep this one after all');
});

test('a note that sync has no room for keeps the item on this device, and says so', async ({
  session,
  urls,
}) => {
  const ui = await openSidebar(session, await session.page(), urls.showPage);
  await tabOf(ui, 'Links').click();
  await ui.getByRole('button', { name: 'Save klint', exact: true }).click();
  await tabOf(ui, 'Saved').click();
  const klint = ui.locator('.saved-item', { has: ui.getByRole('link', { name: 'klint' }) });
  await expect(klint).toBeVisible();
  await expect(klint.locator('.saved-meta').first()).not.toContainText('on this device only');
  // Fill sync to the brim (100 KB in all). Bounded; the refusal proves the quota is enforced.
  const refusal = await session.serviceWorker.evaluate(async () => {
    type SyncArea = { set(items: Record<string, string>): Promise<void> };
    const sync = (globalThis as unknown as { chrome: { storage: { sync: SyncArea } } }).chrome
      .storage.sync;
    for (let i = 0; i < 64; i++) {
      try {
        await sync.set({ [`filler-${i}`]: 'x'.repeat(8000) });
      } catch (error) {
        for (let size = 4000; size >= 1; size = Math.floor(size / 2))
          await sync.set({ [`filler-${i}-${size}`]: 'x'.repeat(size) }).catch(() => undefined);
        return String((error as Error).message ?? error);
      }
    }
    return null;
  });
  expect(refusal, 'sync storage never refused a write: quota not enforced').toMatch(/quota/i);
  // A full note: 2,000 characters of three bytes each.
  await writeNote(ui, 'Note for klint', klint, '€'.repeat(2000));
  await expect(klint.locator('.note-outcome')).toHaveText(
    'Note saved. Saved on this device only: sync storage is full.',
  );
  await expect(klint.locator('.saved-meta').first()).toContainText('on this device only');
  await expect(ui.getByText(/on this device only/).first()).toBeVisible();
  await expect(klint.locator('.saved-note-text')).toHaveText('€'.repeat(2000));
});

test('the Markdown export holds a clip by speaker with time links, and its note', async ({
  session,
  urls,
}) => {
  const ui = await openSidebar(session, await session.page(), urls.showPage);
  await saveLineByMouse(ui, 9, 2);
  await line(ui, 10, 0).click({ modifiers: ['Shift'] });
  await tabOf(ui, 'Saved').click();
  await writeNote(ui, /^Note for Did you get/, clipItem(ui), 'Crashing is part of the job');
  const [download] = await Promise.all([
    ui.waitForEvent('download'),
    ui.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
  const md = await readDownload(download);
  const at = `${urls.hostPage}?t=04%3A24`;
  expect(md).toContain(`> **Matthias Endler**, [4:24](<${at}>): Did you get into any segfaults?`);
  expect(md).toContain('> **Greg Kroah-Hartman**, [4:28]');
  expect(md).toContain('\n\n- Note: Crashing is part of the job\n');
});

test('a clip never swallows another saved passage: it stays as it was, and says so', async ({
  session,
  urls,
}) => {
  const ui = await openSidebar(session, await session.page(), urls.showPage);
  await saveLineByMouse(ui, 9, 2);
  await line(ui, 9, 3).click({ modifiers: ['Shift'] });
  await expect(line(ui, 9, 3)).toHaveClass(/in-clip/);
  // The clip's first line saved on its own as well.
  await saveLineByMouse(ui, 9, 2);
  const statuses = await recordStatus(ui);
  // Trimming the clip to its first line would merge it into that saved line.
  await line(ui, 9, 3).focus();
  await ui.keyboard.press('Shift+ArrowUp');
  await expect
    .poll(statuses)
    .toContain('Not changed: that passage is saved already, on its own or as another clip.');
  await expect(line(ui, 9, 3)).toHaveClass(/in-clip/);
  await tabOf(ui, 'Saved').click();
  await expect(ui.getByRole('heading', { name: 'Quotes and clips (2)' })).toBeVisible();
});
