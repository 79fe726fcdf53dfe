/**
 * The one stored item the content script needs at page load (see storage-items.ts for the rest).
 */
import { storage } from 'wxt/utils/storage';
import type { SidebarLayoutBySite } from './sidebar-layout';

/** Open/closed and width of the sidebar, per site (host name). Read through `layoutFor`. */
export const sidebarLayoutItem = storage.defineItem<SidebarLayoutBySite>('local:sidebarLayout', {
  fallback: {},
  version: 1,
});
