/** The sidebar's keyboard shortcuts, as the help lists them. */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: string }> = [
  { keys: ['k'], action: 'Play or pause the page’s player' },
  { keys: ['j'], action: 'Back 10 seconds' },
  { keys: ['l'], action: 'Forward 10 seconds' },
  { keys: ['['], action: 'Previous line' },
  { keys: [']'], action: 'Next line' },
  { keys: ['Enter'], action: 'Play from the focused line' },
  { keys: ['n'], action: 'Back to now: follow playback again' },
  { keys: ['c'], action: 'Copy the current line as a quote' },
  {
    keys: ['Shift+↓', 'Shift+click'],
    action: 'Grow the quote you saved into a clip, to the next or the clicked line',
  },
  { keys: ['Shift+↑'], action: 'Take the last line off the clip' },
  { keys: ['/'], action: 'Search the transcript' },
  { keys: ['?'], action: 'Show or hide these shortcuts' },
];

/** Whether keys typed at `target` are text (a field), not shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
}
