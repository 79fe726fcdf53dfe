import { describe, expect, it } from 'vitest';
import { loadEpisode } from '@/lib/episode/packaged';
import { createEpisodeSearch } from '@/lib/search/episode-search';

const episode = loadEpisode();
const search = createEpisodeSearch(episode);
const speakerOf = (id: string) => episode.people.find((p) => p.id === id)?.shortName;

/**
 * Each query must bring the passage a listener means into the top 3. The intended passage is
 * named by words it contains as spoken (found by reading the transcript), and by its speaker.
 */
const QUALITY: Array<[query: string, spoken: RegExp, speaker: string]> = [
  ['rust is gonna save linux', /rust is (gonna safe|going to save) linux/i, 'Matthias|Greg'],
  ['interop is the new rewrite', /is the new rewrite/i, 'Alice'],
  ['coconut', /coconut/i, 'Greg'],
  ['coccinelle', /coconut/i, 'Greg'],
  ['kernal', /kernel/i, 'Greg|Alice|Matthias'],
  ['greg usb serial converter', /usb to serial converter/i, 'Greg'],
  ['memory safe langauge', /memory safe/i, 'Alice|Greg'],
  ['alice works on both sides', /Ellis, that you work on both sides/, 'Matthias'],
  ["don't break the build", /break the build/i, 'Greg|Alice|Matthias'],
  ['linked lists on the c side', /linked lists, for example, on the C side/i, 'Matthias'],
  ['danilo driver core', /driver core.*Danilo|Danilo.*driver core/i, 'Greg'],
  ['the experiment is over', /experiment is over/i, 'Greg'],
  ['c veteran 35 years', /C veteran.*35 years/i, 'Greg'],
  // Misheard names, both ways round, and typos.
  ['ellis', /Ellis/, 'Matthias'],
  ['as greg said', /as Craig said/, 'Alice'],
  ['craig', /Craig/, 'Alice'],
  ['klint', /KLint|klint/, 'Alice'],
  ['kernel lint', /kernelLint|klint/i, 'Alice'],
  ['io_uring tokio', /AyoUring|IO Uring|io_uring/i, 'Alice'],
  ['rustfmt', /rust format/i, 'Matthias|Alice|Greg'],
  ['julia lawall', /julia luau/i, 'Greg'],
  ['linux foundation', /links\s+foundation/i, 'Greg'],
  ['you broke the build', /broke the bill/i, 'Greg'],
  ['me and rafael and danilo', /Rafael and Danilo/i, 'Greg'],
  ['tokoi async runtime', /Tokio, the asynchronous runtime/i, 'Alice'],
  ['have you heard of smp', /heard of smp/i, 'Greg'],
  ['102 key mouse', /102 key mouse/i, 'Greg'],
  ['qr code when the kernel crashes', /QR code when the kernel crashes/i, 'Alice|Greg'],
  ['schedulers in bpf', /schedulers in BPF/i, 'Greg'],
  ['standard library split into three parts', /split into three parts/i, 'Alice'],
  ['thanks for making programming fun again', /making programming fun again/i, 'Greg'],
  ['darksonn', /darksonn/i, 'Matthias'],
  ['nouveau driver', /nouveau driver/i, 'Matthias'],
  // Misheard terms, found by the real term or by the form a reader sees.
  ['our hearing', /translate to our hearing/, 'Alice'],
  ['epoll is hard to translate to io_uring', /translate to our hearing/, 'Alice'],
  ['designed our traits to work with epoll', /our trades to work really well with ePol/, 'Alice'],
  ['semantic grep', /wasn't a grab/, 'Matthias'],
  ['backport those', /backboard those/, 'Greg'],
  ['16-way machines', /16-wave machines/, 'Greg'],
  ['memory unsafe languages', /memory and safe languages/, 'Alice'],
  ['interop abilities between rust and c', /interrupt abilities between Rust and C/, 'Matthias'],
  ['if you break the build automatically', /break the bill automatically/, 'Greg'],
  ['subjectiveness', /take away this objectiveness/, 'Matthias'],
  ['better frame rates', /better framework/, 'Greg'],
  ['whether we use it in the core', /use it in the call/, 'Alice'],
  ['vrije universiteit amsterdam', /Vrye University in Amsterdam/, 'Greg'],
  // Other names for what was said, and show-note terms.
  ['steam deck schedulers', /little steam boxes/, 'Greg'],
  ['rustc adds a new lint', /Rust compiler or Clippy adds a new lint/, 'Alice'],
  ['segmentation fault', /segfaults/, 'Matthias'],
  ['symmetric multiprocessing', /heard of smp/, 'Greg'],
  ['linus dont break userspace', /Don't break user space/, 'Matthias'],
  ['cpp', /could use C\+\+/, 'Greg'],
  ['c++', /could use C\+\+/, 'Greg'],
  ['i/o model', /I\.O\. model/, 'Matthias'],
  ['lkml first patch', /mailing list was like, how do I make a patch/, 'Greg'],
  ['cve numbering authority', /cna team/, 'Greg'],
  // Typos in names and terms.
  ['greg kroah hartmann', /I'm Greg Kroah-Hartman/, 'Greg'],
  ['julia lawal', /julia luau/, 'Greg'],
  ['elis user space and kernel space', /Ellis, that you work on both sides/, 'Matthias'],
  ['rafael wysocki', /Rafael and Danilo/, 'Greg'],
  ['segmentaton fault', /segfaults/, 'Matthias'],
  // Paraphrased quotes.
  ['drivers are the hardest part', /Drivers are the hardest thing/, 'Greg'],
  ['three tries to get a patch in', /three tries to get a patch accepted/, 'Greg'],
  ['the kernel runs on trust', /kernel works on trust/, 'Greg'],
  ['gpu driver racing game', /racing game on a device running a Rust GPU driver/, 'Alice'],
];

describe('search quality', () => {
  it.each(QUALITY)('"%s" finds the passage in the top 3', (query, spoken, speaker) => {
    const top = search.search(query, 3);
    const hit = top.find((h) => spoken.test(h.text));
    expect(hit, top.map((h) => h.text).join('\n')).toBeDefined();
    expect(speakerOf(hit?.speaker ?? '')).toMatch(new RegExp(`^(${speaker})$`));
  });

  it('ranks an exact phrase above fuzzy matches', () => {
    const [first] = search.search('this experiment is over', 5);
    expect(first?.text.toLowerCase()).toContain('this experiment is over');
    expect(first?.score).toBeLessThan(1);
  });

  it('shows the real term beside a misheard one', () => {
    const [hit] = search.search('coccinelle', 1);
    expect(hit?.corrections).toContainEqual({ heard: 'Coconut', meant: 'Coccinelle' });
  });

  it('names each misheard stretch once, not again for a part of it', () => {
    const [hit] = search.search('julia lawall', 1);
    expect(hit?.corrections).toEqual([
      { heard: 'julia luau', meant: 'Julia Lawall' },
      { heard: 'coconut', meant: 'Coccinelle' },
    ]);
  });

  it('highlights the spoken words that matched, misheard forms included', () => {
    const [hit] = search.search('coccinelle', 1);
    const marked = hit?.highlights.map(([s, e]) => hit.text.slice(s, e));
    expect(marked).toEqual(['Coconut']);
  });

  it('the language C is not C++', () => {
    expect(search.search('c', 50).filter((h) => h.text.includes('C++'))).toEqual([]);
    expect(search.search('c++', 1)[0]?.text).toContain('could use C++');
  });

  it('finds nothing for words that are not in the conversation', () => {
    expect(search.search('xylophone quartz', 5)).toEqual([]);
  });
});
