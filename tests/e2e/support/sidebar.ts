/**
 * The sidebar as a user meets it, by roles and accessible names only (Playwright's role
 * locators pierce the open shadow root the companion renders into).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const NAMES = {
  launcher: 'Open episode companion',
  root: 'Episode companion',
  close: 'Close episode companion',
  search: 'Search transcript',
  results: 'Search results',
  tabs: ['Transcript', 'People', 'Links', 'Saved'],
} as const;

export type TabName = (typeof NAMES.tabs)[number];

export class Sidebar {
  constructor(readonly page: Page) {}

  get launcher(): Locator {
    return this.page.getByRole('button', { name: NAMES.launcher });
  }
  get root(): Locator {
    return this.page.getByRole('complementary', { name: NAMES.root });
  }
  get closeButton(): Locator {
    return this.root.getByRole('button', { name: NAMES.close });
  }
  get searchbox(): Locator {
    return this.root.getByRole('searchbox', { name: NAMES.search });
  }
  get results(): Locator {
    return this.root.getByRole('list', { name: NAMES.results }).getByRole('listitem');
  }
  tab(name: TabName): Locator {
    return this.root.getByRole('tab', { name, exact: true });
  }
  panel(): Locator {
    return this.root.getByRole('tabpanel');
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.launcher).toBeVisible();
  }

  /** Goes to an episode page and makes sure the sidebar is open (it reopens where left open). */
  async visitOpen(url: string): Promise<void> {
    await this.page.goto(url);
    const tabs = this.root.getByRole('tablist');
    await expect(this.launcher.or(tabs).first()).toBeVisible();
    if (await this.launcher.isVisible()) await this.launcher.click();
    await expect(tabs).toBeVisible();
  }

  async open(): Promise<void> {
    await this.launcher.click();
    await expect(this.root).toBeVisible();
  }

  async close(): Promise<void> {
    await this.closeButton.click();
    await expect(this.root).toBeHidden();
  }

  async search(query: string): Promise<void> {
    await this.searchbox.fill(query);
  }

  async showTab(name: TabName): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }
}
