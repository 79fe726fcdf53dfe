/**
 * The "Find in transcript" context-menu item: on the episode's pages only, for selected text, it
 * opens the sidebar with the selection as the search. The background registers it and routes
 * clicks here; the handler is plain so tests can call it with a fake browser.
 */
import { EPISODE_MATCHES } from './episode-pages';

export const FIND_MENU_ID = 'find-in-transcript';
export const FIND_MENU_TITLE = 'Find in transcript';
/** Longer selections are cut: the search is for phrases, not pages. */
export const MAX_QUERY_LENGTH = 200;

export interface FindInTranscriptMessage {
  type: 'companion:find';
  query: string;
}

export const findMenuProperties = {
  id: FIND_MENU_ID,
  title: FIND_MENU_TITLE,
  contexts: ['selection'] as ['selection'],
  documentUrlPatterns: EPISODE_MATCHES,
};

/** The part of `browser.contextMenus` (Firefox: `menus`) the registration uses. */
export interface FindMenuApi {
  removeAll(): Promise<unknown> | undefined;
  create(properties: typeof findMenuProperties, callback?: () => void): unknown;
}

/**
 * Registers the item. Called at every start of the background: `removeAll` first, as menus may
 * survive from an earlier start and creating an existing id is an error.
 */
export async function registerFindMenu(menus: FindMenuApi): Promise<void> {
  await menus.removeAll();
  await new Promise<void>((resolve) => {
    menus.create(findMenuProperties, () => resolve());
  });
}

/** The selection as a query: whitespace collapsed, cut at a word boundary, never empty. */
export function selectionQuery(selection: string | undefined): string | undefined {
  const text = (selection ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  if (text.length <= MAX_QUERY_LENGTH) return text;
  const cut = text.slice(0, MAX_QUERY_LENGTH);
  const space = cut.lastIndexOf(' ');
  return space > MAX_QUERY_LENGTH / 2 ? cut.slice(0, space) : cut;
}

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  /** The address of the page clicked in (given even where the tab's own `url` is withheld). */
  pageUrl?: string;
}

/**
 * Handles a menu click: sends the tab's top frame (where the companion lives) the query.
 * Returns the message sent, or undefined when the click was not ours or had nothing to find.
 */
export async function handleFindInTranscript(
  info: MenuClick,
  tab: { id?: number; url?: string } | undefined,
  send: (tabId: number, message: FindInTranscriptMessage) => Promise<unknown>,
): Promise<FindInTranscriptMessage | undefined> {
  if (info.menuItemId !== FIND_MENU_ID || tab?.id === undefined || tab.id < 0) return undefined;
  const query = selectionQuery(info.selectionText);
  if (!query) return undefined;
  const message: FindInTranscriptMessage = { type: 'companion:find', query };
  await send(tab.id, message);
  return message;
}
