/**
 * The journeys every browser must pass, written once against {@link CompanionDriver}: Chromium runs
 * them through Playwright (journeys.spec.ts), Firefox through Puppeteer over WebDriver BiDi
 * (firefox/journeys.firefox.ts), on the same replicas of the episode's pages.
 */
import { expect } from '@playwright/test';
import { escapeRegExp } from '../../lib/regexp';
import type { CompanionDriver, Target } from './support/driver';
import { chapters, episode } from './support/episode';
import { urls } from './support/replica-server';
import { NAMES } from './support/sidebar';

const launcher: Target = { role: 'button', name: NAMES.launcher };
const companion: Target = { role: 'complementary', name: NAMES.root };
const searchbox: Target = { role: 'searchbox', name: NAMES.search };
const results: Target = { role: 'list', name: NAMES.results };

const openCompanion = (d: CompanionDriver, url: string) => d.openCompanion(url);

/** The show page's player: the `<audio>` inside the srcless iframe the embed writes. */
const framedAudio = (d: CompanionDriver) =>
  d.evaluate(() => {
    const audio = document.querySelector('iframe')?.contentDocument?.querySelector('audio');
    return audio ? { time: audio.currentTime, ready: audio.readyState >= 1 } : undefined;
  });

export interface Journey {
  title: string;
  run(d: CompanionDriver): Promise<void>;
}

export const JOURNEYS: Journey[] = [
  {
    title: 'the companion opens beside the episode page, with its four tabs, and closes',
    async run(d) {
      await d.goto(urls.showPage);
      await d.waitFor(launcher);
      expect(await d.count(companion)).toBe(0);
      await openCompanion(d, urls.showPage);
      await d.waitFor(companion);
      for (const name of NAMES.tabs) await d.waitFor({ role: 'tab', name });
      await d.closeCompanion();
      await d.waitFor(companion, false);
      await d.waitFor(launcher);
    },
  },
  {
    title: 'search finds a name speech-to-text misheard ("coccinelle" finds "Coconut")',
    async run(d) {
      await openCompanion(d, urls.hostPage);
      await d.fill(searchbox, 'coccinelle');
      await expect
        .poll(async () => (await d.texts('listitem', results))[0] ?? '')
        .toContain('Coconut');
    },
  },
  {
    title: 'choosing a result seeks the player inside the show site’s srcless embed frame',
    async run(d) {
      const sentence = episode.transcript.turns
        .flatMap((t) => t.sentences)
        .find((s) => s.text.includes('the Rust experiment is over'));
      if (!sentence) throw new Error('the quality phrase is not in the transcript');
      await openCompanion(d, urls.showPage);
      await expect.poll(async () => (await framedAudio(d))?.ready ?? false).toBe(true);
      await d.fill(searchbox, 'the experiment is over');
      await expect
        .poll(async () => (await d.texts('listitem', results))[0] ?? '')
        .toContain('experiment is over');
      await d.press('Enter');
      await expect
        .poll(async () => Math.abs(((await framedAudio(d))?.time ?? -100) - sentence.start))
        .toBeLessThan(1);
    },
  },
  {
    title: 'the line being spoken follows the player in the srcless embed frame',
    async run(d) {
      // A line well into the episode that lasts a few seconds (sentence starts are estimates).
      const lines = episode.transcript.turns.flatMap((t) => t.sentences);
      const index = lines.findIndex(
        (l, i) =>
          l.start >= 900 && (lines[i + 1]?.start ?? Number.POSITIVE_INFINITY) - l.start >= 3,
      );
      const line = lines[index];
      if (!line) throw new Error('no line of a few seconds after 15:00');
      await openCompanion(d, urls.showPage);
      await expect.poll(async () => (await framedAudio(d))?.ready ?? false).toBe(true);
      await d.evaluateWith((seconds) => {
        const audio = document.querySelector('iframe')?.contentDocument?.querySelector('audio');
        if (audio) audio.currentTime = seconds;
      }, line.start + 1);
      // The marked line's words, without its save and copy buttons.
      await expect
        .poll(() =>
          d.evaluateCompanion(() => {
            const root = document.querySelector('episode-companion')?.shadowRoot ?? document;
            const marked = root.querySelector('.sentence[aria-current="true"]')?.cloneNode(true) as
              | Element
              | undefined;
            for (const button of marked?.querySelectorAll('button') ?? []) button.remove();
            return marked?.textContent?.trim() ?? '';
          }),
        )
        .toBe(line.text);
    },
  },
  {
    title: 'choosing a chapter plays from there and names it above the transcript',
    async run(d) {
      const number = chapters.findIndex((c) => c.title.includes('Coccinelle')) + 1;
      const chapter = chapters[number - 1];
      if (!chapter) throw new Error('no Coccinelle chapter');
      await openCompanion(d, urls.showPage);
      await expect.poll(async () => (await framedAudio(d))?.ready ?? false).toBe(true);
      await d.click({ role: 'button', name: /^(Chapter \d+ of \d+|\d+ chapters):/ });
      await d.waitFor({ role: 'navigation', name: 'Chapters' });
      await d.click({
        role: 'button',
        name: new RegExp(`^\\d+:\\d\\d ?${escapeRegExp(chapter.title)}$`),
      });
      await expect
        .poll(async () => Math.abs(((await framedAudio(d))?.time ?? -100) - chapter.start))
        .toBeLessThan(1);
      await d.waitFor({
        role: 'button',
        name: `Chapter ${number} of ${chapters.length}: ${chapter.title}`,
      });
    },
  },
  {
    title:
      'under a strict Content-Security-Policy the launcher and the companion are styled and searchable',
    async run(d) {
      const launcherStyle = () =>
        d.evaluate(() => {
          const el = document
            .querySelector('episode-companion')
            ?.shadowRoot?.querySelector('.launcher-group');
          return el ? getComputedStyle(el).position : undefined;
        });
      await d.goto(urls.showPageStrictCsp);
      await d.waitFor(launcher);
      expect(await launcherStyle()).toBe('fixed');
      await openCompanion(d, urls.showPageStrictCsp);
      await d.waitFor(companion);
      const aside = await d.evaluateCompanion(() => {
        const root = document.querySelector('episode-companion')?.shadowRoot ?? document;
        const el = root.querySelector('aside');
        const rect = el?.getBoundingClientRect();
        return el && rect
          ? { width: Math.round(rect.width), background: getComputedStyle(el).backgroundColor }
          : undefined;
      });
      expect(aside?.width ?? 0).toBeGreaterThanOrEqual(320);
      // Styled: the theme's background, not the transparent default of an unstyled element.
      expect(aside?.background).not.toBe('rgba(0, 0, 0, 0)');
      await d.fill(searchbox, 'kernal');
      await expect.poll(async () => (await d.texts('listitem', results)).length).toBeGreaterThan(0);
    },
  },
  {
    title: 'the transcript downloads as WebVTT with a voice-tagged cue for every sentence',
    async run(d) {
      await openCompanion(d, urls.showPage);
      await d.click({ role: 'button', name: 'Download transcript' });
      const file = await d.download({ role: 'button', name: 'Download transcript as WebVTT' });
      expect(file.name).toBe('rust-for-linux-s06e04-transcript.vtt');
      expect(file.text.startsWith('WEBVTT')).toBe(true);
      const sentences = episode.transcript.turns.flatMap((t) => t.sentences);
      expect(file.text.match(/^<v [^>]+>/gm)).toHaveLength(sentences.length);
      expect(file.text).toContain(
        `<v Greg Kroah-Hartman>${sentences.find((s) => s.text.includes('Coconut'))?.text}`,
      );
    },
  },
  {
    title: 'a saved link is still saved after the page reloads',
    async run(d) {
      await openCompanion(d, urls.showPage);
      await d.click({ role: 'tab', name: 'Links' });
      await d.click({ role: 'button', name: 'Save Tokio' });
      await d.closeCompanion();
      await d.reload();
      await openCompanion(d, urls.showPage);
      await d.click({ role: 'tab', name: 'Saved' });
      await expect
        .poll(() => d.texts('link', { role: 'region', name: /^Links \(/ }))
        .toEqual(['Tokio']);
    },
  },
  {
    title: 'a note on a saved link survives a reload',
    async run(d) {
      await openCompanion(d, urls.showPage);
      await d.click({ role: 'tab', name: 'Links' });
      await d.click({ role: 'button', name: 'Save klint' });
      await d.click({ role: 'tab', name: 'Saved' });
      await d.click({ role: 'button', name: 'Add note' });
      await d.fill({ role: 'textbox', name: 'Note for klint' }, 'Try it on our driver');
      await d.press('Control+Enter');
      await d.waitFor({ role: 'button', name: 'Edit note' });
      await d.closeCompanion();
      await d.reload();
      await openCompanion(d, urls.showPage);
      await d.click({ role: 'tab', name: 'Saved' });
      await expect
        .poll(() => d.texts('note', { role: 'region', name: /^Links \(/ }))
        .toEqual(['Try it on our driver']);
    },
  },
  {
    title: 'nothing appears on other pages of the same sites',
    async run(d) {
      for (const url of urls.unrelated) {
        await d.goto(url);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(await d.count(launcher)).toBe(0);
        const added = await d.evaluate(
          () =>
            [...document.querySelectorAll('*')].filter(
              (el) => el.shadowRoot || el.tagName.includes('-'),
            ).length,
        );
        expect(added).toBe(0);
      }
    },
  },
];
