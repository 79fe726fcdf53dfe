import { formatTime } from '@/lib/time';

interface TimeButtonProps {
  seconds: number;
  onSeek: (seconds: number) => void;
  /** What pressing it does, read after the time ("Play from 3:05"). */
  verb?: string;
  class?: string;
}

/** A moment of the episode as a button: pressing it plays from there. */
export function TimeButton({ seconds, onSeek, verb = 'Play from', class: extra }: TimeButtonProps) {
  const time = formatTime(seconds);
  return (
    <button
      type="button"
      class={extra ? `time ${extra}` : 'time'}
      aria-label={`${verb} ${time}`}
      onClick={() => onSeek(seconds)}
    >
      <span class="time-icon" aria-hidden="true" />
      {time}
    </button>
  );
}
