import { Component } from 'preact';
import type { Episode } from '@/lib/episode-schema';
import { TimeButton } from './TimeButton';

interface TranscriptViewProps {
  episode: Episode;
  onSeek: (seconds: number) => void;
}

/** Id of a sentence's element, for scrolling to it, flashing it and following playback. */
export const sentenceId = (turn: number, sentence: number) => `sentence-${turn}-${sentence}`;

/**
 * The whole conversation, turn by turn. Every sentence is its own element carrying its turn,
 * index and start time. The episode never changes while the sidebar lives, so this renders once
 * and is left alone while the rest of the sidebar updates (the search re-renders on every key).
 */
export class TranscriptView extends Component<TranscriptViewProps> {
  override shouldComponentUpdate(next: TranscriptViewProps) {
    return next.episode !== this.props.episode;
  }

  override render({ episode, onSeek }: TranscriptViewProps) {
    const people = new Map(episode.people.map((p, i) => [p.id, { person: p, index: i }]));
    return (
      <ol class="transcript">
        {episode.transcript.turns.map((turn, t) => {
          const speaker = people.get(turn.speaker);
          return (
            <li key={t} class="turn" data-turn={t} data-speaker={speaker?.index ?? 0}>
              <div class="turn-head">
                <span class="speaker">{speaker?.person.name ?? turn.speaker}</span>
                <TimeButton seconds={turn.start} onSeek={onSeek} />
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
                    tabIndex={-1}
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
