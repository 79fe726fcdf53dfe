import { describe, expect, it } from 'vitest';
import { formatQuote, pageTimeUrl } from '@/lib/episode/quote';

const SHOW = 'https://corrode.dev/podcast/s06e04-rust4linux/';
const HOST =
  'https://letscast.fm/sites/rust-in-production-82281512/episode/rust-for-linux-with-alice-ryhl-and-greg-kroah-hartman';

describe('pageTimeUrl', () => {
  it.each([
    [SHOW, 1466, `${SHOW}?t=24%3A26`],
    [HOST, 5, `${HOST}?t=00%3A05`],
    [`${SHOW}?t=01%3A00`, 61, `${SHOW}?t=01%3A01`],
    [`${SHOW}?ref=news&t=3:00&x=a%20b`, 90, `${SHOW}?ref=news&x=a%20b&t=01%3A30`],
    [`${SHOW}?t=01%3A00&t=02%3A00#transcript`, 3725, `${SHOW}?t=1%3A02%3A05`],
    [`${SHOW}?flag`, 0, `${SHOW}?flag&t=00%3A00`],
  ])('%s at %s s → %s', (page, seconds, url) => {
    expect(pageTimeUrl(page, seconds)).toBe(url);
  });

  it('uses the episode’s own time parameter name', () => {
    expect(pageTimeUrl(`${SHOW}?t=1`, 75, 'start')).toBe(`${SHOW}?t=1&start=01%3A15`);
  });
});

describe('formatQuote', () => {
  it('quotes the sentence with speaker, show and time, then links to that moment', () => {
    expect(
      formatQuote({
        text: 'Rust is gonna save the Linux kernel.',
        speaker: 'Greg Kroah-Hartman',
        show: 'Rust in Production',
        seconds: 1466.7,
        pageUrl: `${HOST}?t=02%3A00`,
      }),
    ).toBe(
      `“Rust is gonna save the Linux kernel.” — Greg Kroah-Hartman, Rust in Production, 24:26\n${HOST}?t=24%3A26`,
    );
  });

  it('does not double quotation marks or keep stray whitespace', () => {
    const quote = formatQuote({
      text: '  “I would say\n so.”  ',
      speaker: 'Alice Ryhl',
      show: 'Rust in Production',
      seconds: 65,
      pageUrl: SHOW,
    });
    expect(quote.split('\n')[0]).toBe('“I would say so.” — Alice Ryhl, Rust in Production, 1:05');
  });
});
