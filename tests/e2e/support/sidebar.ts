/**
 * The companion as a user meets it, by roles and accessible names only: the launcher on the
 * episode page, and the companion itself in the browser's side panel (opened through its
 * `?tab=<id>` seam, support/panel.ts). `page` is the episode page; `ui` is the panel once open.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { openPanel, type PanelHost } from './panel';

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
  /** Where the companion is shown: the side panel once opened, the episode page before. */
  ui: Page;

  constructor(
    readonly page: Page,
    private readonly host: PanelHost,
  ) {
    this.ui = page;
  }

  get launcher(): Locator {
    return this.page.getByRole('button', { name: NAMES.launcher });
  }
  get root(): Locator {
    return this.ui.getByRole('complementary', { name: NAMES.root });
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

  /** Goes to an episode page and opens the companion beside it. */
  async visitOpen(url: string): Promise<void> {
    await this.page.goto(url);
    await this.open();
  }

  /** Opens the side panel for the episode tab (a fresh one: any earlier panel is closed). */
  async open(): Promise<void> {
    await this.close();
    this.ui = await openPanel(this.host, this.page);
    await expect(this.root.getByRole('tablist')).toBeVisible();
  }

  /** Closes the side panel, as its own close button would. */
  async close(): Promise<void> {
    if (this.ui === this.page) return;
    await this.ui.close();
    this.ui = this.page;
  }

  async search(query: string): Promise<void> {
    await this.searchbox.fill(query);
  }

  async showTab(name: TabName): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }
}

/** Goes to `url` in `page` and opens its side panel; returns the panel page (`ui`). */
export async function openSidebar(
  session: {
    context: PanelHost['context'];
    serviceWorker: PanelHost['serviceWorker'];
    extensionId: string;
  },
  page: Page,
  url: string,
): Promise<Page> {
  const sidebar = new Sidebar(page, {
    context: session.context,
    serviceWorker: session.serviceWorker,
    extensionId: session.extensionId,
  });
  await sidebar.visitOpen(url);
  return sidebar.ui;
}

/** A tab of the companion by the start of its name (names end with a count). */
export const tabOf = (ui: Page, name: string) =>
  ui.getByRole('tab', { name: new RegExp(`^${name}`) });
