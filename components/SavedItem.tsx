/** One saved link, quote or clip in the Saved list, with its note, play, show and remove. */
import type { Episode } from '@/lib/episode/schema';
import type { ResolvedQuote } from '@/lib/favourites/episode';
import type { Favourite, LinkFavourite, QuoteFavourite } from '@/lib/favourites/schema';
import type { FavouritesStore, SavedFavourite } from '@/lib/favourites/store';
import { formatTime } from '@/lib/time';
import { NoteEditor } from './NoteEditor';
import { trusted } from './trusted';

export const shortText = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** A stable id for an item's title element, from its key. */
const titleId = (key: string) => `saved-${key.replace(/[^a-z0-9-]/gi, '-')}`;

interface ItemProps {
  item: SavedFavourite;
  store: FavouritesStore;
  /** Removed in another tab while its note box is open here: still shown, saved again with it. */
  removedElsewhere: boolean;
  onRemove: (item: SavedFavourite, label: string) => void;
  onEditing: (key: string, record: Favourite | undefined) => void;
}

function whereNote(item: SavedFavourite, removedElsewhere: boolean) {
  if (removedElsewhere) return ' · removed in another tab: saving the note keeps it';
  return item.areas.includes('sync') ? '' : ' · on this device only';
}

export function LinkItem({ item, store, removedElsewhere, onRemove, onEditing }: ItemProps) {
  const record = item.record as LinkFavourite;
  const id = titleId(item.key);
  return (
    <li class="saved-item" data-key={item.key}>
      <a id={id} href={record.url} target="_blank" rel="noopener noreferrer" class="link-title">
        {record.title}
      </a>
      <p class="saved-meta">
        {record.source === 'official' ? 'Official link' : 'From the show notes'} · saved{' '}
        {new Date(record.savedAt).toLocaleDateString()}
        {whereNote(item, removedElsewhere)}
      </p>
      <p class="saved-actions">
        <button
          type="button"
          class="text-button saved-remove"
          aria-label={`Remove ${record.title}`}
          disabled={removedElsewhere}
          onClick={trusted(() => onRemove(item, `“${record.title}”`))}
        >
          Remove
        </button>
      </p>
      <NoteEditor
        store={store}
        itemKey={item.key}
        record={record}
        name={record.title}
        describedBy={id}
        onEditing={onEditing}
      />
    </li>
  );
}

interface QuoteItemProps extends ItemProps {
  shown: ResolvedQuote;
  episode: Episode | undefined;
  onPlayQuote: (seconds: number) => void;
  onOpenQuote?: (turn: number, sentence: number) => void;
}

export function QuoteItem({
  item,
  store,
  removedElsewhere,
  onRemove,
  onEditing,
  shown,
  episode,
  onPlayQuote,
  onOpenQuote,
}: QuoteItemProps) {
  const record = item.record as QuoteFavourite;
  const id = titleId(item.key);
  const time = formatTime(shown.start);
  const clip = shown.lines > 1;
  const span = shown.end === undefined ? time : `${time}–${formatTime(shown.end)}`;
  return (
    <li
      class={clip ? 'saved-item saved-quote saved-clip' : 'saved-item saved-quote'}
      data-key={item.key}
    >
      <blockquote class="quote-text" id={id}>
        {clip && shown.parts.length > 1
          ? shown.parts.map((part) => (
              <p key={`${part.start}`} class="clip-part">
                <span class="clip-speaker">{part.speakerName}:</span> {part.text}
              </p>
            ))
          : shown.text}
      </blockquote>
      <p class="saved-meta">
        {shown.speakerNames.join(', ')} · {span}
        {clip && ` · clip of ${shown.lines} sentences`}
        {whereNote(item, removedElsewhere)}
        {episode && !shown.resolved && ' · no longer in the transcript, shown as saved'}
      </p>
      <p class="saved-actions">
        <button
          type="button"
          class="time"
          aria-label={`Play from ${time}`}
          onClick={() => onPlayQuote(shown.start)}
        >
          <span class="time-icon" aria-hidden="true" />
          {time}
        </button>
        {onOpenQuote && shown.resolved && (
          <button
            type="button"
            class="text-button"
            aria-label={`Show in transcript: ${shortText(shown.text)}`}
            onClick={() => onOpenQuote(shown.turn, shown.sentence)}
          >
            Show in transcript
          </button>
        )}
        <button
          type="button"
          class="text-button saved-remove"
          aria-label={`Remove ${clip ? 'clip' : 'quote'}: ${shortText(shown.text)}`}
          disabled={removedElsewhere}
          onClick={trusted(() =>
            onRemove(item, `the ${clip ? 'clip' : 'quote'} “${shortText(shown.text)}”`),
          )}
        >
          Remove
        </button>
      </p>
      <NoteEditor
        store={store}
        itemKey={item.key}
        record={record}
        name={shortText(shown.text)}
        describedBy={id}
        onEditing={onEditing}
      />
    </li>
  );
}
