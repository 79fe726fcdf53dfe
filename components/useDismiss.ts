import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * Closes a disclosure's popup when the listener moves on: a press anywhere outside `ref` (in the
 * sidebar or on the page) or focus leaving it.
 */
export function useDismiss(ref: RefObject<HTMLElement>, open: boolean, close: () => void): void {
  useEffect(() => {
    const root = ref.current;
    if (!open || !root) return;
    const onPointer = (event: Event) => {
      if (!event.composedPath().includes(root)) close();
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && !root.contains(next)) close();
    };
    // The sidebar lives in a shadow root: presses inside it reach the document retargeted.
    document.addEventListener('pointerdown', onPointer, true);
    root.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      root.removeEventListener('focusout', onFocusOut);
    };
  }, [ref, open, close]);
}
