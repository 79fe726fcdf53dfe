/**
 * The content script's own element in the page, `<episode-companion>`, with an open shadow root
 * that holds the launcher and the in-page sheet; the page's rules reach nothing inside it. Built
 * here rather than with WXT's `createShadowRootUi`, whose check of the element's name compiles a
 * large Unicode regular expression on every page load.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface ShadowUi {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where the content goes: the shadow root's own `<body>`. */
  container: HTMLElement;
}

/** Appends the element to the page's body, `css` adopted into its shadow root. */
export function mountShadowUi(ctx: ContentScriptContext, css: string): ShadowUi {
  const host = document.createElement('episode-companion');
  const shadow = host.attachShadow({ mode: 'open' });
  // A document of its own inside the shadow root, with its language, as checkers and readers expect.
  const html = document.createElement('html');
  html.lang = 'en';
  const container = document.createElement('body');
  html.append(document.createElement('head'), container);
  shadow.append(html);
  // A constructable stylesheet: no CSS file is exposed to pages (no web-accessible resource) and
  // the page's CSP does not apply to it.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet];
  // Keys typed in the sheet stay there: the page's own shortcuts (space = play…) must not fire.
  for (const type of ['keydown', 'keyup', 'keypress'])
    container.addEventListener(type, (event) => event.stopPropagation());
  document.body.append(host);
  ctx.onInvalidated(() => host.remove());
  return { host, shadow, container };
}
