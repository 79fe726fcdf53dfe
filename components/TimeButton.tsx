import { formatTime } from '@/lib/time';

interface TimeButtonProps {
  seconds: number;
  onSeek: (seconds: number) => void;
  /** What pressing it does, read after the time ("Play from 3:05"). */
  verb?: string;
  class?: string;
  /** -1 takes it out of the tab order (the transcript's lines are its keyboard way in). */
  tabIndex?: number;
}

/** A moment of the episode as a button: pressing it plays from there. */
export function TimeButton({
  seconds,
  onSeek,
  verb = 'Play from',
  class: extra,
  tabIndex,
}: TimeButtonProps) {
  const time = formatTime(seconds);
  return (
    <button
      type="button"
      class={extra ? `time ${extra}` : 'time'}
      aria-label={`${verb} ${time}`}
      tabIndex={tabIndex}
      onClick={() => onSeek(seconds)}
    >
      <span class="time-icon" aria-hidden="true" />
      {time}
    </button>
  );
}
