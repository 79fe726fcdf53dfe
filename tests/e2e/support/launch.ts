import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { REPLICA_HOSTS, type ReplicaServer } from './replica-server';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Where `wxt build` puts the Chrome build. The tests never build: `npm test` builds first. */
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');

export const executablePath = (): string => process.env.CHROME_PATH || '/usr/bin/chromium';

export function assertBuilt(dir = CHROME_BUILD): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build in ${dir}: run \`npm run build\` first.`);
  }
  return dir;
}

/** A request that left for somewhere other than the replica hosts (`url` plus who asked). */
export interface ForeignRequest {
  url: string;
  from: string;
}

const LOCAL_SCHEMES = new Set(['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:']);

/**
 * A running Chromium with the built extension loaded into a throwaway profile. `relaunch()` closes
 * the browser and starts it again on the same profile (what "restart the browser" means for the
 * favourites), after which `context`, `serviceWorker` and `page()` refer to the new browser.
 */
export class ExtensionSession {
  context!: BrowserContext;
  serviceWorker!: Worker;
  extensionId = '';
  /** Every request to a host other than the replicas, across relaunches. Should stay empty. */
  readonly foreignRequests: ForeignRequest[] = [];

  private constructor(
    readonly userDataDir: string,
    private readonly replica: ReplicaServer,
    private readonly extensionPath: string,
  ) {}

  static async launch(
    replica: ReplicaServer,
    extensionPath = assertBuilt(),
  ): Promise<ExtensionSession> {
    const dir = mkdtempSync(join(tmpdir(), 'companion-profile-'));
    const session = new ExtensionSession(dir, replica, extensionPath);
    await session.start();
    return session;
  }

  private async start(): Promise<void> {
    this.context = await chromium.launchPersistentContext(this.userDataDir, {
      headless: true,
      executablePath: executablePath(),
      viewport: { width: 1280, height: 800 },
      args: [
        `--disable-extensions-except=${this.extensionPath}`,
        `--load-extension=${this.extensionPath}`,
        // Everything else resolves to nothing, so a stray request fails here instead of going out.
        `--host-resolver-rules=${this.replica.hostResolverRules}, MAP * ~NOTFOUND`,
        '--ignore-certificate-errors',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    this.context.on('request', (request) => {
      const url = new URL(request.url());
      if (LOCAL_SCHEMES.has(url.protocol)) return;
      if ((REPLICA_HOSTS as readonly string[]).includes(url.hostname)) return;
      const worker = request.serviceWorker();
      const from = worker ? `service worker ${worker.url()}` : request.frame().url();
      this.foreignRequests.push({ url: request.url(), from });
    });
    this.serviceWorker =
      this.context.serviceWorkers().find(isExtensionWorker) ??
      (await this.context.waitForEvent('serviceworker', { predicate: isExtensionWorker }));
    this.extensionId = new URL(this.serviceWorker.url()).host;
  }

  /** The tab the browser opened with, or a new one. */
  async page() {
    return this.context.pages()[0] ?? (await this.context.newPage());
  }

  async relaunch(): Promise<void> {
    await this.context.close();
    await this.start();
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://');
}
