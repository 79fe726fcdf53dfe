/**
 * The panel's connection to one tab's content script: a port named `PANEL_PORT_NAME`. The page
 * answers with `hello` (which page it is), then reports its player; the connection turns that
 * into a `PageLink`. When the tab's page goes (navigation, reload, closed), the port disconnects
 * and the panel is told; a page that comes back announces itself (`companion:ready`) and the
 * panel connects again.
 *
 * When the panel knows which page the tab shows (Chrome's per-tab panel is given it with the tab,
 * `&page=`), the companion is drawn at once, not after the page's answer: the page link starts
 * with that page, its player coming once the page reports it. Should the page answer otherwise, the
 * companion is drawn again for the page it is.
 */
import { PANEL_PORT_NAME, type PageMessage, type PanelMessage } from '@/lib/listen/page-link';
import type { PlayerPort } from '@/lib/listen/player-port';
import { createRemotePage, type RemotePage } from '@/lib/listen/remote-page';
import type { CompanionMessage } from '@/lib/page/messages';

export interface TabConnection {
  close(): void;
}

type Hello = Extract<PageMessage, { type: 'hello' }>;

interface Handlers {
  onPage(page: RemotePage): void;
  onGone(): void;
}

export function connectToTab(
  tabId: number,
  fallback: PlayerPort,
  handlers: Handlers,
  expected?: Hello,
): TabConnection {
  let port: Browser.runtime.Port | undefined;
  let closed = false;

  const connect = () => {
    if (closed) return;
    const current = browser.tabs.connect(tabId, { name: PANEL_PORT_NAME, frameId: 0 });
    port = current;
    const pageFor = (hello: Hello) =>
      createRemotePage(
        hello,
        (out: PanelMessage) => {
          try {
            // Posted before the page has answered, it waits in the port.
            current.postMessage(out);
          } catch {
            // Disconnected: onDisconnect below shows what there is to show.
          }
        },
        fallback,
      );
    // Drawn before the page answers, for the page expected; kept if that is the page answering.
    let early: RemotePage | undefined = expected && pageFor(expected);
    let page = early;
    if (early) handlers.onPage(early);
    current.onMessage.addListener((raw: unknown) => {
      const message = raw as PageMessage;
      if (message?.type === 'hello') {
        const kept = early?.kind === message.kind ? early : undefined;
        early = undefined;
        if (kept) {
          // The page's own address (its query string too) is what quotes link to from now on.
          kept.url = message.url;
          return;
        }
        page = pageFor(message);
        handlers.onPage(page);
      } else if (page) page.receive(message);
    });
    current.onDisconnect.addListener(() => {
      // Reading lastError marks it handled ("Receiving end does not exist": no companion there).
      void browser.runtime.lastError;
      if (port === current) port = undefined;
      if (!closed) handlers.onGone();
    });
  };

  // The tab's page (re)loaded and its content script is listening now.
  const onMessage = (raw: unknown, sender: Browser.runtime.MessageSender) => {
    const message = raw as CompanionMessage | undefined;
    if (message?.type === 'companion:ready' && sender.tab?.id === tabId && !port) connect();
  };
  browser.runtime.onMessage.addListener(onMessage);
  connect();

  return {
    close() {
      closed = true;
      browser.runtime.onMessage.removeListener(onMessage);
      port?.disconnect();
    },
  };
}
