/**
 * Where the page's launcher may sit: a bottom corner on the listener's side, raised or moved to
 * the other side when it would cover a control, the player or text of the page at that scroll
 * position. Each candidate spot is checked against the boxes of the page's controls in view, and
 * for text by asking the page what lies under a grid of points of the launcher's box (with the
 * launcher itself out of hit testing), so it works on any layout.
 */

/** What a reader uses on the page: controls, media and frames (the player is an iframe). */
const INTERACTIVE =
  'a[href], button, input, select, textarea, summary, label, iframe, audio, video, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** Points checked across the box for text: columns and rows (a line of text is taller than half the launcher). */
const COLUMNS = 3;
const ROWS = 3;
/** Spots a side offers before the text-free search gives up on it (the control-free one goes on). */
const TEXT_SPOTS = 4;

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Whether a text node's characters are painted at (x, y). */
function textAt(doc: Document, x: number, y: number): boolean {
  const caret = doc.caretPositionFromPoint?.(x, y);
  const node = caret?.offsetNode;
  if (!caret || !node || node.nodeType !== Node.TEXT_NODE) return false;
  const text = node as Text;
  if (!text.data.trim()) return false;
  const range = doc.createRange();
  const at = Math.min(caret.offset, text.length - 1);
  range.setStart(text, Math.max(0, at));
  range.setEnd(text, Math.min(text.length, Math.max(0, at) + 1));
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 2 && x <= rect.right + 2 && y >= rect.top - 2 && y <= rect.bottom + 2)
      return true;
  }
  return false;
}

/** The boxes of the page's controls that lie at least partly in the viewport. */
export function controlBoxes(doc: Document, viewport: { width: number; height: number }): Box[] {
  const boxes: Box[] = [];
  for (const el of doc.querySelectorAll(INTERACTIVE)) {
    for (const rect of el.getClientRects()) {
      if (rect.width === 0 || rect.height === 0) continue;
      if (
        rect.bottom < 0 ||
        rect.top > viewport.height ||
        rect.right < 0 ||
        rect.left > viewport.width
      )
        continue;
      boxes.push({ left: rect.left, top: rect.top, width: rect.width, height: rect.height });
    }
  }
  return boxes;
}

const overlap = (a: Box, b: Box) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

/**
 * Whether `box` covers one of `controls` or (with `text`) text of the page. The caller takes the
 * launcher out of hit testing first (`pointer-events: none`), so the page's own text answers.
 */
export function coversPage(
  doc: Document,
  box: Box,
  controls: readonly Box[],
  text = true,
): boolean {
  if (controls.some((control) => overlap(box, control))) return true;
  if (!text) return false;
  for (let i = 0; i < COLUMNS; i++) {
    for (let j = 0; j < ROWS; j++) {
      const x = box.left + 1 + ((box.width - 2) * i) / (COLUMNS - 1);
      const y = box.top + 1 + ((box.height - 2) * j) / (ROWS - 1);
      if (textAt(doc, x, y)) return true;
    }
  }
  return false;
}

export interface Spot {
  side: 'left' | 'right';
  /** Distance from the viewport's bottom edge, in px. */
  bottom: number;
}

/** Margin between the launcher and the viewport's edges. */
export const EDGE = 16;

/**
 * The first spot, in the listener's order of preference, where a launcher of `size` covers
 * nothing: their side from the bottom up to mid-height, then the other side. Where text is
 * everywhere (a phone's narrow column), the first spot that covers no control or player; none
 * free: their bottom corner (the launcher can be moved or hidden).
 */
export function chooseSpot(
  doc: Document,
  side: 'left' | 'right',
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): Spot {
  const other = side === 'left' ? 'right' : 'left';
  const step = size.height + 8;
  const controls = controlBoxes(doc, viewport);
  for (const text of [true, false]) {
    for (const s of [side, other] as const) {
      const last = text
        ? Math.min(viewport.height / 2, EDGE + step * (TEXT_SPOTS - 1))
        : viewport.height / 2;
      for (let bottom = EDGE; bottom <= last; bottom += step) {
        const box = {
          left: s === 'left' ? EDGE : viewport.width - EDGE - size.width,
          top: viewport.height - bottom - size.height,
          width: size.width,
          height: size.height,
        };
        if (!coversPage(doc, box, controls, text)) return { side: s, bottom };
      }
    }
  }
  return { side, bottom: EDGE };
}
