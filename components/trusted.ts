/**
 * Only the listener's own input may change what is stored. The in-page sheet lives in an open
 * shadow root, where any script of the page can find a button and call `click()` or dispatch an
 * event; the browser marks those events untrusted, and the handlers wrapped here ignore them.
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted === false) return;
    handler(event);
  };
}
