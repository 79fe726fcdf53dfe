/**
 * The launcher's DOM: the episode's mark as a round button, with two small options beside it
 * (move it to the other side, hide it). Built with DOM calls, never from markup strings.
 */
const SVG = 'http://www.w3.org/2000/svg';

/** The extension's mark (assets/icon.svg): transcript lines in a speech bubble. */
function mark(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const bubble = document.createElementNS(SVG, 'path');
  bubble.setAttribute(
    'd',
    'M4 1.5h8A2.5 2.5 0 0 1 14.5 4v5a2.5 2.5 0 0 1-2.5 2.5H8.5L4.5 15v-3.5H4A2.5 2.5 0 0 1 1.5 9V4A2.5 2.5 0 0 1 4 1.5z',
  );
  bubble.setAttribute('fill', '#b3400c');
  bubble.setAttribute('stroke', '#ff8b5c');
  bubble.setAttribute('stroke-linejoin', 'round');
  const lines = document.createElementNS(SVG, 'path');
  lines.setAttribute('d', 'M4 4h8v1H4zm0 2h8v1H4zm0 2h5v1H4z');
  lines.setAttribute('fill', '#fff');
  svg.append(bubble, lines);
  return svg;
}

function button(className: string, label: string, text?: string): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = className;
  el.setAttribute('aria-label', label);
  el.title = label;
  if (text) {
    const glyph = document.createElement('span');
    glyph.setAttribute('aria-hidden', 'true');
    glyph.textContent = text;
    el.append(glyph);
  }
  return el;
}

export interface LauncherElements {
  group: HTMLElement;
  launcher: HTMLButtonElement;
  move: HTMLButtonElement;
  hide: HTMLButtonElement;
}

export function createLauncher(): LauncherElements {
  const group = document.createElement('div');
  group.className = 'launcher-group';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Episode companion');
  const launcher = button('launcher', 'Open episode companion');
  launcher.title = 'Episode companion (Alt+Shift+E)';
  launcher.append(mark());
  const move = button('launcher-option', 'Move the launcher to the other side', '⇄');
  const hide = button('launcher-option', 'Hide the launcher', '×');
  group.append(launcher, move, hide);
  return { group, launcher, move, hide };
}
