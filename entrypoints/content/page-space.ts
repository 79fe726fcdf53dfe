/**
 * Keeps the page's content clear of the open sidebar by giving the root element a right margin
 * through the CSSOM (allowed under any CSP, unlike a `style` attribute or a page `<style>`), and
 * puts back exactly what the page had when the sidebar closes.
 */
export function createPageSpace(root: HTMLElement) {
  let saved: { value: string; priority: string } | undefined;
  return {
    reserve(width: number) {
      saved ??= {
        value: root.style.getPropertyValue('margin-right'),
        priority: root.style.getPropertyPriority('margin-right'),
      };
      root.style.setProperty('margin-right', `${width}px`, 'important');
    },
    release() {
      if (!saved) return;
      if (saved.value) root.style.setProperty('margin-right', saved.value, saved.priority);
      else root.style.removeProperty('margin-right');
      if (root.getAttribute('style') === '') root.removeAttribute('style');
      saved = undefined;
    },
  };
}
