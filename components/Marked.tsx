import { markRuns } from '@/lib/page/sidebar-store';

/** `text` with the given ranges wrapped in `<mark>`; always rendered as text, never as HTML. */
export function Marked({
  text,
  ranges,
}: {
  text: string;
  ranges: ReadonlyArray<readonly [number, number]>;
}) {
  return (
    <>
      {markRuns(text, ranges).map((run, i) =>
        run.marked ? <mark key={i}>{run.text}</mark> : run.text,
      )}
    </>
  );
}
