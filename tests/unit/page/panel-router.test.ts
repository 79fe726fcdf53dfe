import { describe, expect, it } from 'vitest';
import { HOST_PAGE, SHOW_SITE_PAGE } from '@/lib/page/episode-pages';
import type { CompanionMessage } from '@/lib/page/messages';
import { createPanelRouter, type PanelApis, type Sender } from '@/lib/page/panel-router';

const ID = 'companion-id';
const TAB = 7;

/** Fake browser APIs that record every call, in order. */
function fakeApis(kind: 'chrome' | 'firefox' | 'android') {
  const calls: Array<[string, unknown]> = [];
  const record =
    (name: string) =>
    (arg?: unknown): Promise<void> => {
      calls.push([name, arg]);
      return Promise.resolve();
    };
  const apis: PanelApis = {
    extensionId: ID,
    sidePanel:
      kind === 'chrome' ? { setOptions: record('setOptions'), open: record('open') } : undefined,
    sidebarAction: kind === 'firefox' ? { open: () => record('sidebarOpen')() } : undefined,
    setPopup: (tabId, popup) => record('setPopup')({ tabId, popup }),
    sendToTab: (tabId, message) => record('sendToTab')({ tabId, message }),
    broadcast: record('broadcast'),
    injectSheet: (tabId) => record('injectSheet')(tabId),
  };
  return { apis, calls };
}

const from = (url: string, extra: Partial<Sender> = {}): Sender => ({
  id: ID,
  url,
  frameId: 0,
  tab: { id: TAB, url },
  ...extra,
});
const ready: CompanionMessage = { type: 'companion:ready' };

describe('panel router', () => {
  it('enables the panel, bound to its tab, for an episode page that announces itself', async () => {
    const { apis, calls } = fakeApis('chrome');
    const router = createPanelRouter(apis);
    await router.start();
    await router.onMessage(ready, from(`${SHOW_SITE_PAGE}?t=12%3A34`));
    expect(calls).toEqual([
      ['setOptions', { enabled: false }],
      // Bound to its tab, and told which page the tab shows: it draws before the page answers.
      [
        'setOptions',
        { tabId: TAB, path: `sidepanel.html?tab=${TAB}&page=show-site`, enabled: true },
      ],
      ['setPopup', { tabId: TAB, popup: '' }],
    ]);
  });

  it.each([
    ['another page of the same site', from('https://corrode.dev/podcast/s05e06-rust4linux/')],
    ['a sibling page of the host', from(`${HOST_PAGE}-part-2`)],
    ['a frame inside the episode page', from(SHOW_SITE_PAGE, { frameId: 3 })],
    ['another extension', from(SHOW_SITE_PAGE, { id: 'someone-else' })],
    ['a sender without a tab', { id: ID, url: SHOW_SITE_PAGE, frameId: 0 }],
  ])('refuses everything from %s', async (_label, sender) => {
    const { apis, calls } = fakeApis('chrome');
    const router = createPanelRouter(apis);
    for (const type of ['companion:ready', 'companion:open-panel', 'companion:load-sheet'] as const)
      await router.onMessage({ type }, sender);
    expect(calls).toEqual([]);
  });

  it('opens the panel at once, inside the click, when the launcher asks (Chrome)', () => {
    const { apis, calls } = fakeApis('chrome');
    const router = createPanelRouter(apis);
    void router.onMessage({ type: 'companion:open-panel' }, from(HOST_PAGE));
    // Synchronously: the browser allows opening only while the user's click is being handled.
    expect(calls).toEqual([['open', { tabId: TAB }]]);
  });

  it('injects the in-page sheet only into an episode page (Firefox)', async () => {
    const { apis, calls } = fakeApis('firefox');
    const router = createPanelRouter(apis);
    await router.onMessage({ type: 'companion:load-sheet' }, from('https://letscast.fm/'));
    expect(calls).toEqual([]);
    expect(await router.onMessage({ type: 'companion:load-sheet' }, from(HOST_PAGE))).toBe(true);
    expect(calls).toEqual([['injectSheet', TAB]]);
  });

  it('hands "Find in transcript" to the panel of its tab, once', async () => {
    const { apis, calls } = fakeApis('chrome');
    const router = createPanelRouter(apis);
    await router.find({ id: TAB, url: 'https://corrode.dev/' }, 'ignored');
    expect(calls).toEqual([]);
    await router.find({ id: TAB, url: SHOW_SITE_PAGE }, 'klint');
    expect(calls).toEqual([
      ['open', { tabId: TAB }],
      ['broadcast', { type: 'companion:find', tabId: TAB, query: 'klint' }],
    ]);
    const panel: Sender = { id: ID, url: `chrome-extension://${ID}/sidepanel.html?tab=${TAB}` };
    const take: CompanionMessage = { type: 'companion:take-find', tabId: TAB };
    expect(await router.onMessage(take, panel)).toBe('klint');
    expect(await router.onMessage(take, panel)).toBeUndefined();
    // A content script (it has a tab) may not take another tab's query.
    await router.find({ id: TAB, url: SHOW_SITE_PAGE }, 'klint');
    expect(router.onMessage(take, from(SHOW_SITE_PAGE))).toBeUndefined();
  });

  it('without a panel (Firefox for Android) the toolbar and the menu open the in-page sheet', async () => {
    const { apis, calls } = fakeApis('android');
    const router = createPanelRouter(apis);
    await router.onToolbarClick({ id: TAB });
    await router.find({ id: TAB, url: HOST_PAGE }, 'greg');
    expect(calls).toEqual([
      ['sendToTab', { tabId: TAB, message: { type: 'companion:open-sheet' } }],
      ['sendToTab', { tabId: TAB, message: { type: 'companion:find', query: 'greg' } }],
    ]);
  });

  it('turns the panel off for a tab that leaves the episode pages, and keeps it on a reload', async () => {
    const { apis, calls } = fakeApis('chrome');
    const router = createPanelRouter(apis);
    await router.onTabUpdated(TAB, SHOW_SITE_PAGE);
    // A reload of the episode page where the browser withholds the address: the open panel stays.
    await router.onTabUpdated(TAB, undefined);
    expect(calls).toEqual([]);
    await router.onTabUpdated(TAB, 'https://corrode.dev/podcast/');
    expect(calls).toEqual([['setOptions', { tabId: TAB, enabled: false }]]);
  });
});
