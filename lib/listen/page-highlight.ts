/**
 * Shows a transcript passage in the page's own text (the host page prints the transcript): scrolls
 * there and marks it with the CSS Custom Highlight API, which paints a Range without touching the
 * page's DOM. The `::highlight()` rule goes in as a constructable stylesheet, which a strict CSP
 * does not block.
 */
import { type FindOptions, findPassage, foldTexts } from './passage-match';

export const HIGHLIGHT_NAME = 'episode-companion-quote';

const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) { background-color: #ffe08a; color: #1a1a1a; }`;

export interface PageHighlightOptions extends FindOptions {
  /** Subtrees never searched: the companion's own UI. */
  skip?: (el: Element) => boolean;
  /** Where to look; the body by default. */
  root?: Element;
  behavior?: ScrollBehavior;
}

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'iframe']);

/** The visible text nodes under `root` in document order. */
export function pageTextNodes(root: Element, skip?: (el: Element) => boolean): Text[] {
  const doc = root.ownerDocument;
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* elements and text */, {
    acceptNode(node) {
      if (node.nodeType === 1) {
        const el = node as Element;
        return SKIP_TAGS.has(el.localName) || skip?.(el) ? 2 /* reject */ : 3 /* skip */;
      }
      return 1; /* accept */
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

let sheet: CSSStyleSheet | undefined;

function adoptHighlightStyle(doc: Document) {
  const view = doc.defaultView;
  if (!view || !('adoptedStyleSheets' in doc)) return;
  if (sheet && doc.adoptedStyleSheets.includes(sheet)) return;
  // Made in the page's window: a sheet from another realm may not be adopted.
  sheet = new view.CSSStyleSheet();
  sheet.replaceSync(HIGHLIGHT_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/**
 * Finds `passage` in the page, highlights it and scrolls it into view. Returns the range, or
 * undefined when the passage is not on the page or the browser has no highlight API (then
 * nothing changes).
 */
export function highlightInPage(
  doc: Document,
  passage: string,
  options: PageHighlightOptions = {},
): Range | undefined {
  const root = options.root ?? doc.body;
  if (!root) return undefined;
  const nodes = pageTextNodes(root, options.skip);
  const texts = nodes.map((n) => n.data);
  const match = findPassage(texts, passage, options, foldTexts(texts));
  if (!match) return undefined;
  const range = doc.createRange();
  range.setStart(nodes[match.start.node] as Text, match.start.offset);
  range.setEnd(nodes[match.end.node] as Text, match.end.offset);

  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const highlights = view?.CSS?.highlights;
  if (view && highlights && typeof view.Highlight === 'function') {
    adoptHighlightStyle(doc);
    highlights.set(HIGHLIGHT_NAME, new view.Highlight(range));
  }
  const anchor = range.startContainer.parentElement;
  anchor?.scrollIntoView({ block: 'center', behavior: options.behavior ?? 'auto' });
  return range;
}

export function clearPageHighlight(doc: Document) {
  doc.defaultView?.CSS?.highlights?.delete(HIGHLIGHT_NAME);
}
