/**
 * The journeys' driver over Playwright (Chromium), with Playwright's own role locators. The
 * companion is the side panel, opened as a page of its own; element lookups go to it once open,
 * and to the episode page before and after.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { CompanionDriver, Target } from './driver';
import { openPanel, type PanelHost } from './panel';

export class PlaywrightDriver implements CompanionDriver {
  readonly browserName = 'chromium';
  private ui: Page;

  constructor(
    readonly page: Page,
    private readonly host: PanelHost,
  ) {
    this.ui = page;
  }

  private locate({ role, name }: Target): Locator {
    return this.ui.getByRole(role, name === undefined ? {} : { name, exact: true });
  }

  async openCompanion(url: string) {
    await this.closeCompanion();
    await this.page.goto(url);
    this.ui = await openPanel(this.host, this.page);
    await this.ui.getByRole('tablist').waitFor();
  }
  async closeCompanion() {
    if (this.ui === this.page) return;
    await this.ui.close();
    this.ui = this.page;
  }
  evaluateCompanion<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.ui.evaluate(fn);
  }
  private first(target: Target): Locator {
    return this.locate(target).filter({ visible: true }).first();
  }

  async goto(url: string) {
    await this.closeCompanion();
    await this.page.goto(url);
  }
  async reload() {
    await this.page.reload();
  }
  async click(target: Target) {
    await this.first(target).click();
  }
  async fill(target: Target, text: string) {
    await this.first(target).fill(text);
  }
  async press(key: string) {
    await this.ui.keyboard.press(key);
  }
  async count(target: Target) {
    return this.locate(target).filter({ visible: true }).count();
  }
  async waitFor(target: Target, visible = true) {
    await this.first(target).waitFor({ state: visible ? 'visible' : 'hidden' });
  }
  async texts(role: Target['role'], within: Target) {
    return this.first(within).getByRole(role).allInnerTexts();
  }
  async download(target: Target) {
    const [file] = await Promise.all([
      this.ui.waitForEvent('download'),
      this.first(target).click(),
    ]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  }
  evaluate<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.page.evaluate(fn);
  }
  evaluateWith<T>(fn: (value: number) => T | Promise<T>, value: number): Promise<T> {
    return this.page.evaluate(fn, value);
  }
}
