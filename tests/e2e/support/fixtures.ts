import {
  type BrowserContext,
  test as base,
  expect,
  type Page,
  type Worker,
} from '@playwright/test';
import { assertBuilt, ExtensionSession } from './launch';
import { type ReplicaServer, startReplicaServer, urls } from './replica-server';
import { Sidebar } from './sidebar';

interface WorkerFixtures {
  replica: ReplicaServer;
  extensionPath: string;
}

interface TestFixtures {
  /** The browser with the extension; `session.relaunch()` restarts it on the same profile. */
  session: ExtensionSession;
  extensionId: string;
  serviceWorker: Worker;
  urls: typeof urls;
  sidebar: Sidebar;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  replica: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await startReplicaServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: see above.
  extensionPath: [async ({}, use) => use(assertBuilt()), { scope: 'worker' }],

  session: async ({ replica, extensionPath }, use) => {
    const session = await ExtensionSession.launch(replica, extensionPath);
    await use(session);
    await session.close();
    // The extension ships everything it shows: it may not reach the network, ever.
    expect(session.foreignRequests, 'requests to hosts other than the replica pages').toEqual([]);
  },
  context: async ({ session }, use) => use(session.context as BrowserContext),
  page: async ({ session }, use) => use(await session.page()),
  extensionId: async ({ session }, use) => use(session.extensionId),
  serviceWorker: async ({ session }, use) => use(session.serviceWorker),
  // biome-ignore lint/correctness/noEmptyPattern: see above.
  urls: async ({}, use) => use(urls),
  sidebar: async ({ page, session }, use) =>
    use(
      new Sidebar(page, {
        context: session.context as BrowserContext,
        serviceWorker: session.serviceWorker,
        extensionId: session.extensionId,
      }),
    ),
});

export { expect, type Page };
