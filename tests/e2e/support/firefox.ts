/**
 * Firefox ESR (Debian's firefox-esr) driven by puppeteer-core over WebDriver BiDi, with the built
 * add-on installed as a temporary add-on. Firefox has no host mapping by port: every host name
 * resolves to 127.0.0.1 on the URL's own port, so the replica server listens on 443.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, {
  type Browser,
  type ElementHandle,
  type KeyInput,
  type Page,
} from 'puppeteer-core';
import {
  type CompanionDriver,
  describeTarget,
  findByRole,
  type Key,
  type Role,
  serialName,
  type Target,
  until,
} from './driver';
import { REPLICA_HOSTS } from './replica-server';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Where `wxt build -b firefox` puts the Firefox (MV2) build. */
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');
export const firefoxPath = (): string => process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

const LOCAL_SCHEMES = new Set(['moz-extension:', 'data:', 'blob:', 'about:', 'chrome:']);

export interface FirefoxSession {
  browser: Browser;
  page: Page;
  driver: CompanionDriver;
  /** Requests the pages made to hosts other than the replicas. Should stay empty. */
  foreignRequests: string[];
  close(): Promise<void>;
}

export async function launchFirefox(extensionPath = FIREFOX_BUILD): Promise<FirefoxSession> {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${extensionPath}: run \`npm run build:firefox\` first.`);
  }
  // Downloads are saved, without asking, into a folder of this session's own.
  const downloads = mkdtempSync(join(tmpdir(), 'companion-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'media.autoplay.default': 0,
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  try {
    await browser.installExtension(extensionPath);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    const foreignRequests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (LOCAL_SCHEMES.has(url.protocol)) return;
      if (!(REPLICA_HOSTS as readonly string[]).includes(url.hostname))
        foreignRequests.push(request.url());
    });
    return {
      browser,
      page,
      driver: new PuppeteerDriver(page, downloads),
      foreignRequests,
      close: async () => {
        await browser.close();
        rmSync(downloads, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser.close();
    rmSync(downloads, { recursive: true, force: true });
    throw e;
  }
}

/** The page-side finder as a script: `findByRole(role, name, within)`. */
const FINDER = findByRole.toString();

export class PuppeteerDriver implements CompanionDriver {
  readonly browserName = 'firefox';
  constructor(
    readonly page: Page,
    private readonly downloads: string,
  ) {}

  private async all(target: Target, within?: Target): Promise<ElementHandle<Element>[]> {
    const find = `(${FINDER})`;
    const args = JSON.stringify([target.role, serialName(target.name)]);
    const scope = within
      ? `${find}(${JSON.stringify(within.role)}, ${JSON.stringify(serialName(within.name))})[0]`
      : 'undefined';
    const list = await this.page.evaluateHandle(
      `(() => { const within = ${scope}; if (${within ? '!within' : 'false'}) return []; return ${find}(...${args}, within); })()`,
    );
    const properties = await list.getProperties();
    await list.dispose();
    const handles: ElementHandle<Element>[] = [];
    for (const value of properties.values()) {
      const element = value.asElement();
      if (element) handles.push(element as ElementHandle<Element>);
      else await value.dispose();
    }
    return handles;
  }

  private async first(target: Target): Promise<ElementHandle<Element>> {
    let found: ElementHandle<Element> | undefined;
    await until(describeTarget(target), async () => {
      [found] = await this.all(target);
      return found !== undefined;
    });
    return found!;
  }

  async goto(url: string) {
    await this.page.goto(url);
  }
  /** Firefox's launcher opens the in-page sheet (a page's click cannot open Firefox's sidebar). */
  async openCompanion(url: string) {
    await this.page.goto(url);
    await this.click({ role: 'button', name: 'Open episode companion' });
    await this.waitFor({ role: 'tablist' });
  }
  async closeCompanion() {
    await this.click({ role: 'button', name: 'Close episode companion' });
    await this.waitFor({ role: 'complementary', name: 'Episode companion' }, false);
  }
  evaluateCompanion<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.page.evaluate(fn) as Promise<T>;
  }
  async reload() {
    await this.page.reload();
  }
  async click(target: Target) {
    const element = await this.first(target);
    await element.click();
  }
  async fill(target: Target, text: string) {
    const element = await this.first(target);
    await element.click();
    await element.evaluate((el) => (el as HTMLInputElement).select());
    if (text) await this.page.keyboard.type(text);
    else await this.page.keyboard.press('Backspace');
  }
  async press(key: Key) {
    const keys = key.split('+') as KeyInput[];
    const pressed = keys.pop() as KeyInput;
    for (const modifier of keys) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(pressed);
    for (const modifier of keys.reverse()) await this.page.keyboard.up(modifier);
  }
  async count(target: Target) {
    return (await this.all(target)).length;
  }
  async waitFor(target: Target, visible = true) {
    await until(`${describeTarget(target)} ${visible ? 'visible' : 'gone'}`, async () => {
      const n = (await this.all(target)).length;
      return visible ? n > 0 : n === 0;
    });
  }
  async texts(role: Role, within: Target) {
    const items = await this.all({ role }, within);
    return Promise.all(items.map((item) => item.evaluate((el) => (el as HTMLElement).innerText)));
  }
  async download(target: Target) {
    const before = new Set(readdirSync(this.downloads));
    await this.click(target);
    let name = '';
    // Firefox writes a `.part` file and renames it once the download is complete.
    await until('the downloaded file', async () => {
      const now = readdirSync(this.downloads).filter((f) => !before.has(f));
      name = now.find((f) => !f.endsWith('.part')) ?? '';
      return name !== '' && !now.some((f) => f.endsWith('.part'));
    });
    return { name, text: readFileSync(join(this.downloads, name), 'utf8') };
  }
  evaluate<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.page.evaluate(fn) as Promise<T>;
  }
  evaluateWith<T>(fn: (value: number) => T | Promise<T>, value: number): Promise<T> {
    return this.page.evaluate(fn, value) as Promise<T>;
  }
}
