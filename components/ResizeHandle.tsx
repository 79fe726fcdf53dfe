import { MAX_WIDTH, MIN_WIDTH, WIDTH_STEP } from '@/lib/page/sidebar-layout';

interface ResizeHandleProps {
  width: number;
  onResize: (width: number) => void;
}

/**
 * The sidebar's left edge: drag it, or focus it and use ←/→ (Shift for bigger steps, Home/End for
 * the limits). The sidebar is docked right, so moving the edge left makes it wider.
 */
export function ResizeHandle({ width, onResize }: ResizeHandleProps) {
  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    const handle = event.currentTarget as HTMLElement;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    handle.classList.add('is-dragging');
    const startX = event.clientX;
    const startWidth = width;
    const move = (e: PointerEvent) => onResize(startWidth + (startX - e.clientX));
    const end = () => {
      handle.classList.remove('is-dragging');
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? WIDTH_STEP * 4 : WIDTH_STEP;
    const next =
      event.key === 'ArrowLeft'
        ? width + step
        : event.key === 'ArrowRight'
          ? width - step
          : event.key === 'Home'
            ? MIN_WIDTH
            : event.key === 'End'
              ? MAX_WIDTH
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    onResize(next);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable, adjustable separator has no HTML element (<hr> cannot take focus or a value)
    <div
      class="resize-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize episode companion"
      aria-valuenow={width}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      aria-valuetext={`${width} pixels wide`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
