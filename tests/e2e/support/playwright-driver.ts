/** The journeys' driver over a Playwright page (Chromium), with Playwright's own role locators. */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { CompanionDriver, Target } from './driver';

export class PlaywrightDriver implements CompanionDriver {
  readonly browserName = 'chromium';
  constructor(readonly page: Page) {}

  private locate({ role, name }: Target): Locator {
    return this.page.getByRole(role, name === undefined ? {} : { name, exact: true });
  }
  private first(target: Target): Locator {
    return this.locate(target).filter({ visible: true }).first();
  }

  async goto(url: string) {
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
    await this.page.keyboard.press(key);
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
      this.page.waitForEvent('download'),
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
