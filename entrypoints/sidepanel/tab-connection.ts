/**
 * The panel's connection to one tab's content script: a port named `PANEL_PORT_NAME`. The page
 * answers with `hello` (which page it is), then reports its player; the connection turns that
 * into a `PageLink`. When the tab's page goes (navigation, reload, closed), the port disconnects
 * and the panel is told; a page that comes back announces itself (`companion:ready`) and the
 * panel connects again.
 */
import { PANEL_PORT_NAME, type PageMessage, type PanelMessage } from '@/lib/listen/page-link';
import type { PlayerPort } from '@/lib/listen/player-port';
import { createRemotePage, type RemotePage } from '@/lib/listen/remote-page';
import type { CompanionMessage } from '@/lib/page/messages';

export interface TabConnection {
  close(): void;
}

interface Handlers {
  onPage(page: RemotePage): void;
  onGone(): void;
}

export function connectToTab(
  tabId: number,
  fallback: PlayerPort,
  handlers: Handlers,
): TabConnection {
  let port: Browser.runtime.Port | undefined;
  let closed = false;

  const connect = () => {
    if (closed) return;
    let page: RemotePage | undefined;
    const current = browser.tabs.connect(tabId, { name: PANEL_PORT_NAME, frameId: 0 });
    port = current;
    current.onMessage.addListener((raw: unknown) => {
      const message = raw as PageMessage;
      if (message?.type === 'hello') {
        page = createRemotePage(
          message,
          (out: PanelMessage) => {
            try {
              current.postMessage(out);
            } catch {
              // Disconnected: onDisconnect below shows what there is to show.
            }
          },
          fallback,
        );
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
