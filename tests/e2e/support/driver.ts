/**
 * What a journey needs from a browser, by roles and accessible names only, so that the same
 * journeys (tests/e2e/journeys.ts) run in Chromium through Playwright and in Firefox through
 * Puppeteer over WebDriver BiDi. Elements are looked up in the page and in open shadow roots (the
 * companion renders into one).
 */

export type Role =
  | 'button'
  | 'complementary'
  | 'link'
  | 'list'
  | 'listitem'
  | 'navigation'
  | 'note'
  | 'region'
  | 'searchbox'
  | 'tab'
  | 'tablist'
  | 'tabpanel'
  | 'textbox';

/** The keys journeys press; `Control+Enter` holds Control while pressing Enter. */
export type Key = 'Enter' | 'Escape' | 'ArrowDown' | 'Control+Enter';

/** An exact accessible name, or a pattern it must match. */
export type Name = string | RegExp;

export interface Target {
  role: Role;
  name?: Name;
}

export interface CompanionDriver {
  readonly browserName: 'chromium' | 'firefox';
  goto(url: string): Promise<void>;
  /**
   * Goes to an episode page and opens the companion the way this browser shows it: Chromium's side
   * panel (through its `?tab=<id>` seam), Firefox's in-page sheet from the launcher. Element
   * lookups then happen where the companion is.
   */
  openCompanion(url: string): Promise<void>;
  /** Closes the companion (the panel, or the sheet's close button). */
  closeCompanion(): Promise<void>;
  /** Runs `fn` in the companion's document (the panel's, or the page's for the sheet). */
  evaluateCompanion<T>(fn: () => T | Promise<T>): Promise<T>;
  reload(): Promise<void>;
  click(target: Target): Promise<void>;
  /** Replaces the text of a text field, as typing would. */
  fill(target: Target, text: string): Promise<void>;
  press(key: Key): Promise<void>;
  /** How many elements like `target` are visible now. */
  count(target: Target): Promise<number>;
  /** Waits until an element like `target` is visible (`visible` false: until none is). */
  waitFor(target: Target, visible?: boolean): Promise<void>;
  /** Visible texts of the elements with `role` inside the (first visible) element `within`. */
  texts(role: Role, within: Target): Promise<string[]>;
  /** Clicks `target`, which saves a file, and returns the file as the browser saved it. */
  download(target: Target): Promise<{ name: string; text: string }>;
  /** Runs `fn` in the episode page (it cannot close over test variables) and returns its result. */
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
  /** The same, with a number passed in. */
  evaluateWith<T>(fn: (value: number) => T | Promise<T>, value: number): Promise<T>;
}

/** A name as it can cross into the page. */
export type SerialName = { exact: string } | { source: string; flags: string } | undefined;

export function serialName(name: Name | undefined): SerialName {
  if (name === undefined) return undefined;
  return typeof name === 'string' ? { exact: name } : { source: name.source, flags: name.flags };
}

/**
 * Runs in the page: the visible elements with `role` and `name`, in document order, looking into
 * open shadow roots. The role is the explicit one or the implicit one of the elements the
 * companion uses; the name is aria-label, aria-labelledby or the text, whitespace collapsed.
 */
export function findByRole(role: string, name: SerialName, within?: Element): Element[] {
  const implicit = (el: Element): string | undefined => {
    const tag = el.tagName.toLowerCase();
    if (tag === 'button') return 'button';
    if (tag === 'input' && (el as HTMLInputElement).type === 'search') return 'searchbox';
    if (tag === 'aside') return 'complementary';
    if (tag === 'nav') return 'navigation';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'ul' || tag === 'ol') return 'list';
    if (tag === 'li') return 'listitem';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'section' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')))
      return 'region';
    return undefined;
  };
  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  // Text content without what is hidden from assistive technology (counts, icons).
  const textOf = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
    return [...node.childNodes].map(textOf).join('');
  };
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return clean(label);
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const root = el.getRootNode() as Document | ShadowRoot;
      const parts = by.split(/\s+/).map((id) => root.getElementById(id));
      return clean(parts.map((part) => (part ? textOf(part) : '')).join(' '));
    }
    return clean(textOf(el));
  };
  const matches = (text: string) =>
    !name ||
    ('exact' in name ? text === name.exact : new RegExp(name.source, name.flags).test(text));
  const visible = (el: Element) =>
    'checkVisibility' in el
      ? el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)
      : (el as HTMLElement).offsetParent !== null;
  const found: Element[] = [];
  const walk = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      if ((el.getAttribute('role') ?? implicit(el)) === role && visible(el) && matches(nameOf(el)))
        found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(within ?? document);
  return found;
}

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const describeTarget = ({ role, name }: Target) =>
  name === undefined ? role : `${role} "${String(name)}"`;
