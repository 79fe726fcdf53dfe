import { Component, type RefObject } from 'preact';
import type { Episode } from '@/lib/episode/schema';
import type { TranscriptTarget } from '@/lib/page/sidebar-store';
import { TimeButton } from './TimeButton';

interface TranscriptViewProps {
  episode: Episode;
  onSeek: (seconds: number) => void;
  /** Sentence to scroll to and flash. */
  target: TranscriptTarget | undefined;
  /** The list element, for the line actions (LineActions.tsx). */
  listRef?: RefObject<HTMLOListElement>;
}

interface TranscriptViewState {
  /** How many turns are in the DOM: the first screenful at once, the rest right after. */
  rendered: number;
}

/** Id of a sentence's element, for scrolling to it, flashing it and following playback. */
export const sentenceId = (turn: number, sentence: number) => `sentence-${turn}-${sentence}`;

/** More than fill a tall screen (the first turn alone is a screenful in a narrow sidebar). */
const FIRST_TURNS = 6;
const TURNS_PER_CHUNK = 30;

/**
 * The whole conversation, turn by turn. Every sentence is its own element carrying its turn,
 * index and start time; its save and copy actions are one bar shown beside the line under the
 * pointer or in focus (LineActions.tsx). Opening paints the first turns at once and adds the rest in the next
 * tasks (all of them are in the DOM a moment later, for find-in-page); a jump further down
 * renders everything first. The transcript never changes, so typing in the search does not
 * re-render it.
 */
export class TranscriptView extends Component<TranscriptViewProps, TranscriptViewState> {
  override state: TranscriptViewState = { rendered: FIRST_TURNS };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;

  override componentDidMount() {
    this.renderMore();
  }

  override componentWillUnmount() {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    clearTimeout(this.flashTimer);
  }

  override shouldComponentUpdate(next: TranscriptViewProps, nextState: TranscriptViewState) {
    return (
      next.episode !== this.props.episode ||
      next.target !== this.props.target ||
      nextState.rendered !== this.state.rendered
    );
  }

  override componentDidUpdate(previous: TranscriptViewProps) {
    const target = this.props.target;
    if (!target || target === previous.target) return;
    if (target.turn >= this.state.rendered) {
      // Render everything now; the scroll happens in the update this causes.
      cancelAnimationFrame(this.frame);
      clearTimeout(this.timer);
      this.setState({ rendered: this.props.episode.transcript.turns.length }, () =>
        this.reveal(target),
      );
      return;
    }
    this.reveal(target);
  }

  private renderMore() {
    const total = this.props.episode.transcript.turns.length;
    if (this.state.rendered >= total) return;
    // After the next frame, so what is already there gets painted before more is added.
    this.frame = requestAnimationFrame(() => {
      this.timer = setTimeout(() => {
        this.setState(
          ({ rendered }) => ({ rendered: Math.min(total, rendered + TURNS_PER_CHUNK) }),
          () => this.renderMore(),
        );
      }, 0);
    });
  }

  private reveal(target: TranscriptTarget) {
    const sentence = (this.base as Element | undefined)?.querySelector<HTMLElement>(
      `#${sentenceId(target.turn, target.sentence)}`,
    );
    if (!sentence) return;
    const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const panel = sentence.closest<HTMLElement>('[role="tabpanel"]');
    const distance = panel
      ? Math.abs(sentence.getBoundingClientRect().top - panel.getBoundingClientRect().top)
      : 0;
    // Turns off screen are laid out with estimated heights (content-visibility), so a long
    // smooth scroll lands short as the turns it passes take their real size: jump when far,
    // and once the scroll has settled, correct it if the sentence is still out of view.
    const far = !panel || distance > panel.clientHeight * 2;
    sentence.scrollIntoView({ block: 'center', behavior: calm || far ? 'auto' : 'smooth' });
    const settle = () => {
      if (!panel || !sentence.isConnected) return;
      const box = sentence.getBoundingClientRect();
      const view = panel.getBoundingClientRect();
      if (box.bottom < view.top || box.top > view.bottom)
        sentence.scrollIntoView({ block: 'center', behavior: 'auto' });
    };
    if (far || calm) requestAnimationFrame(() => requestAnimationFrame(settle));
    else panel?.addEventListener('scrollend', settle, { once: true });
    sentence.classList.remove('is-flashing');
    // Reading layout restarts the animation when the same sentence is asked for again.
    void sentence.offsetWidth;
    sentence.classList.add('is-flashing');
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => sentence.classList.remove('is-flashing'), 2000);
  }

  override render(
    { episode, onSeek, listRef }: TranscriptViewProps,
    { rendered }: TranscriptViewState,
  ) {
    const people = new Map(episode.people.map((p, i) => [p.id, { person: p, index: i }]));
    const chapterAt = new Map((episode.chapters ?? []).map((c, i) => [c.turn, { chapter: c, i }]));
    return (
      <ol class="transcript" ref={listRef}>
        {episode.transcript.turns.slice(0, rendered).map((turn, t) => {
          const speaker = people.get(turn.speaker);
          const opens = chapterAt.get(t);
          return (
            <li key={t} class="turn" data-turn={t} data-speaker={speaker?.index ?? 0}>
              {opens && (
                <h3
                  class="chapter-heading"
                  aria-label={`Chapter ${opens.i + 1}: ${opens.chapter.title}`}
                >
                  <span class="chapter-number" aria-hidden="true">
                    {opens.i + 1}
                  </span>
                  {opens.chapter.title}
                </h3>
              )}
              <div class="turn-head">
                <span class="speaker">{speaker?.person.name ?? turn.speaker}</span>
                <TimeButton seconds={turn.start} onSeek={onSeek} tabIndex={-1} />
              </div>
              <p class="turn-text">
                {turn.sentences.map((sentence, s) => (
                  <span
                    key={s}
                    id={sentenceId(t, s)}
                    class="sentence"
                    data-turn={t}
                    data-sentence={s}
                    data-start={sentence.start}
                    // One tab stop for the transcript: the first line, then the one last focused.
                    tabIndex={t === 0 && s === 0 ? 0 : -1}
                  >
                    {sentence.text}{' '}
                  </span>
                ))}
              </p>
            </li>
          );
        })}
      </ol>
    );
  }
}
