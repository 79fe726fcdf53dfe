import type { Ref } from 'preact';
import { SHORTCUTS } from './shortcuts';

/** The sidebar's keyboard shortcuts, one disclosure at the foot of the sidebar (`?` opens it). */
export function KeyboardHelp({ detailsRef }: { detailsRef?: Ref<HTMLDetailsElement> }) {
  return (
    <details class="shortcuts" ref={detailsRef}>
      <summary>Keyboard shortcuts</summary>
      <dl class="shortcut-list">
        {SHORTCUTS.map(({ keys, action }) => (
          <div key={action} class="shortcut">
            <dt>
              {keys.map((key, i) => (
                <span key={key}>
                  {i > 0 && ' or '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <p class="shortcut-note">
        Shortcuts work inside the companion only, never while typing in the search box.
      </p>
    </details>
  );
}
