/**
 * The messages between the extension's parts, by who sends them:
 * - an episode page's content script → background: `ready` (this tab is an episode page),
 *   `open-panel` (the launcher was clicked, Chrome), `load-sheet` (inject the in-page sheet);
 * - background → content script: `open-sheet` (no native panel here: open the in-page sheet),
 *   `find` (search the in-page sheet);
 * - background → side panel: `find` for a tab; side panel → background: `take-find`.
 */
export type CompanionMessage =
  | { type: 'companion:ready' }
  | { type: 'companion:open-panel' }
  | { type: 'companion:load-sheet' }
  | { type: 'companion:open-sheet' }
  | { type: 'companion:find'; query: string; tabId?: number }
  | { type: 'companion:take-find'; tabId: number };
