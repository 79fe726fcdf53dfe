import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/**
 * A button that shows and hides a popup (the chapter list, the downloads): the popup closes when
 * the listener presses outside it or moves focus out of it, and `close()` (Esc, a choice made)
 * gives focus back to the button.
 */
export function useDisclosure<Root extends HTMLElement = HTMLDivElement>() {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<Root>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const root = rootRef.current;
    if (!open || !root) return;
    const onPointer = (event: Event) => {
      if (!event.composedPath().includes(root)) setOpen(false);
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && !root.contains(next)) setOpen(false);
    };
    // The sidebar lives in a shadow root: presses inside it reach the document retargeted.
    document.addEventListener('pointerdown', onPointer, true);
    root.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      root.removeEventListener('focusout', onFocusOut);
    };
  }, [open]);

  const close = useCallback(() => {
    setOpen(false);
    toggleRef.current?.focus();
  }, []);
  const toggle = useCallback(() => setOpen((was) => !was), []);
  return { open, toggle, close, rootRef, toggleRef };
}
