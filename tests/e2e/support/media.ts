/** The page's player as the tests see it: in the embed's srcless iframe on the show site, in the page on the host page. */
import { expect, type Page } from '@playwright/test';

export function media(page: Page) {
  return page.evaluate(() => {
    const framed = document.querySelector('iframe')?.contentDocument?.querySelector('audio');
    const audio = framed ?? document.querySelector('audio');
    return audio
      ? { time: audio.currentTime, paused: audio.paused, ready: audio.readyState >= 1 }
      : undefined;
  });
}

export async function setMedia(page: Page, seconds: number, play = false) {
  await page.evaluate(
    async ([t, p]) => {
      const framed = document.querySelector('iframe')?.contentDocument?.querySelector('audio');
      const audio = (framed ?? document.querySelector('audio')) as HTMLAudioElement;
      audio.currentTime = t as number;
      if (p) await audio.play();
    },
    [seconds, play] as const,
  );
}

export async function playerReady(page: Page) {
  await expect.poll(async () => (await media(page))?.ready ?? false).toBe(true);
}
