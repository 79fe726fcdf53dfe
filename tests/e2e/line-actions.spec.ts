/**
 * A calmer transcript: save and copy are offered for the line under the pointer or in focus, as
 * one small bar, to the mouse, the keyboard and a screen reader, instead of two buttons after
 * every sentence; saved lines keep a mark in the text.
 */
import { episode } from './support/episode';
import { expect, test } from './support/fixtures';

const lineCount = episode.transcript.turns.reduce((n, t) => n + t.sentences.length, 0);

test('the open companion stays light: no buttons per line, at most 3,500 elements', async ({
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.showPage);
  const ui = sidebar.ui;
  await expect(ui.locator('.sentence')).toHaveCount(lineCount);
  expect(await ui.evaluate(() => document.querySelectorAll('*').length)).toBeLessThanOrEqual(3500);
  await expect(ui.getByRole('button', { name: 'Save quote' })).toHaveCount(0);
  await expect(ui.getByRole('button', { name: 'Copy quote' })).toHaveCount(0);
});

test('by mouse: the line under the pointer offers save and copy, and a saved line keeps its mark', async ({
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.showPage);
  const ui = sidebar.ui;
  const line = ui.locator('#sentence-1-0');
  await line.hover();
  const save = ui.getByRole('button', { name: 'Save quote' });
  await expect(save).toHaveCount(1);
  await expect(ui.getByRole('button', { name: 'Copy quote' })).toHaveCount(1);
  // The actions sit beside their line.
  const [lineBox, saveBox] = [await line.boundingBox(), await save.boundingBox()];
  expect(Math.abs((saveBox?.y ?? 0) - (lineBox?.y ?? 1000))).toBeLessThan(60);
  await save.click();
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await expect(line).toHaveClass(/is-saved/);
  // Elsewhere, the mark stays; the actions follow the pointer.
  await ui.locator('#sentence-2-0').hover();
  await expect(ui.getByRole('button', { name: 'Save quote' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(line).toHaveClass(/is-saved/);
  await sidebar.showTab('Saved');
  await expect(ui.getByRole('heading', { name: 'Quotes and clips (1)' })).toBeVisible();
});

test('by keyboard: the transcript is one tab stop, ↑/↓ move between lines, Tab reaches the line’s actions', async ({
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.showPage);
  const ui = sidebar.ui;
  // From the tabs, Tab goes through the chapter bar into the transcript: one stop for all lines.
  await sidebar.tab('Transcript').focus();
  let stops = 0;
  while (!(await ui.evaluate(() => document.activeElement?.classList.contains('sentence')))) {
    await ui.keyboard.press('Tab');
    if (++stops > 10) throw new Error('Tab never reached a transcript line');
  }
  await expect(ui.locator('#sentence-0-0')).toBeFocused();
  await ui.keyboard.press('ArrowDown');
  await ui.keyboard.press('ArrowDown');
  await expect(ui.locator('#sentence-0-2')).toBeFocused();
  await ui.keyboard.press('Tab');
  const save = ui.getByRole('button', { name: 'Save quote' });
  await expect(save).toBeFocused();
  await ui.keyboard.press('Enter');
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await expect(ui.locator('#sentence-0-2')).toHaveClass(/is-saved/);
  await ui.keyboard.press('Tab');
  await expect(ui.getByRole('button', { name: 'Copy quote' })).toBeFocused();
  // Back to the lines: the line last focused is the transcript's tab stop.
  await ui.keyboard.press('Shift+Tab');
  await ui.keyboard.press('Shift+Tab');
  await expect(ui.locator('#sentence-0-2')).toBeFocused();
  await expect(ui.locator('.sentence[tabindex="0"]')).toHaveCount(1);
});

test('by screen reader: the focused line’s actions are named and described by the line', async ({
  sidebar,
  urls,
}) => {
  await sidebar.visitOpen(urls.showPage);
  const ui = sidebar.ui;
  const text = episode.transcript.turns[3]?.sentences[0]?.text ?? '';
  await ui.locator('#sentence-3-0').focus();
  for (const name of ['Save quote', 'Copy quote']) {
    const button = ui.getByRole('button', { name });
    await expect(button).toHaveCount(1);
    await expect(button).toHaveAccessibleDescription(text.trim());
  }
});

test('a script of the episode page finds no save button to click, and changes nothing stored', async ({
  sidebar,
  serviceWorker,
  urls,
}) => {
  await sidebar.visitOpen(urls.showPage);
  await sidebar.ui.locator('#sentence-1-0').hover();
  await expect(sidebar.ui.getByRole('button', { name: 'Save quote' })).toHaveCount(1);
  const stored = () =>
    serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: Record<'local' | 'sync', { get(): Promise<object> }> };
      };
      return { local: await chrome.storage.local.get(), sync: await chrome.storage.sync.get() };
    });
  const before = await stored();
  // The page's own script looks everywhere it can (the document and every open shadow root) and
  // clicks whatever it finds: the companion is in the browser's panel, out of its reach, and the
  // launcher's own buttons ignore clicks the browser did not mark as the listener's.
  const found = await sidebar.page.evaluate(() => {
    const buttons: HTMLElement[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.localName === 'button') buttons.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const saves = buttons.filter((b) => /^Save/.test(b.getAttribute('aria-label') ?? ''));
    for (const button of buttons) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }
    return { saves: saves.length, clicked: buttons.length };
  });
  expect(found.saves).toBe(0);
  expect(found.clicked).toBeGreaterThan(0);
  await expect(sidebar.ui.getByRole('button', { name: 'Save quote' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  expect(await stored()).toEqual(before);
});
