/**
 * The packaged episode the extension ships, read as the browser tests expect to see it, and an
 * assertion every link the companion shows must pass.
 */
import { readFileSync } from 'node:fs';
import { expect, type Locator } from '@playwright/test';
import type { Episode } from '../../../lib/episode/schema';

export const episode: Episode = JSON.parse(
  readFileSync(
    new URL('../../../assets/episodes/rust-for-linux/episode.generated.json', import.meta.url),
    'utf8',
  ),
);

/** The packaged chapters (this episode has them). */
export const chapters = episode.chapters ?? [];

/** A link to `href` that opens in a new tab without telling the page who opened it. */
export async function expectSafeLink(anchor: Locator, href: string): Promise<void> {
  await expect(anchor).toHaveAttribute('href', href);
  await expect(anchor).toHaveAttribute('target', '_blank');
  await expect(anchor).toHaveAttribute('rel', /(?=.*noopener)(?=.*noreferrer)/);
}
