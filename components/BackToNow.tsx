interface BackToNowProps {
  visible: boolean;
  onClick: () => void;
}

/** Shown while following is paused (the listener scrolled away): back to the line being spoken. */
export function BackToNow({ visible, onClick }: BackToNowProps) {
  if (!visible) return null;
  return (
    <div class="back-to-now-wrap">
      <button type="button" class="back-to-now" onClick={onClick} title="Back to now (n)">
        <span class="back-to-now-icon" aria-hidden="true" />
        Back to now
      </button>
    </div>
  );
}
