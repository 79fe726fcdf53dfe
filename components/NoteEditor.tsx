/**
 * A saved item's note: shown under it, with "Add note" or "Edit note" opening a text box. The
 * note is saved when the box loses focus or on Ctrl/Cmd+Enter, and Esc cancels. Only the
 * listener's own typing counts: a page script that fills the box or moves focus saves nothing
 * (the in-page sheet lives in a shadow root the page can reach). When storage refuses the note,
 * the box stays open with the text and says why: nothing typed is lost.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Favourite, NOTE_MAX_LENGTH } from '@/lib/favourites/schema';
import type { FavouritesStore } from '@/lib/favourites/store';
import { SYNC_FULL_MESSAGE, SYNC_UNAVAILABLE_MESSAGE } from './SaveToggle';
import { trusted } from './trusted';

interface NoteEditorProps {
  store: FavouritesStore;
  itemKey: string;
  record: Favourite;
  /** The item's title or its quote's first words: "Note for …". */
  name: string;
  /** Id of the element that names the item, read as the buttons' description. */
  describedBy: string;
  /** Tells the list whether a box is open, so the item stays while it is (see SavedTab). */
  onEditing: (key: string, record: Favourite | undefined) => void;
}

type Outcome = { kind: 'saved' | 'error'; message: string } | undefined;

export function NoteEditor({
  store,
  itemKey,
  record,
  name,
  describedBy,
  onEditing,
}: NoteEditorProps) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  /** The listener typed in the box (trusted input): only then is there anything to save. */
  const typed = useRef(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  /** Cancel is being pressed, or Esc was: the blur that follows must not save. */
  const cancelling = useRef(false);
  const opened = useRef<Favourite>(record);
  const hintId = `${describedBy}-note-hint`;

  useEffect(() => {
    if (open) box.current?.focus();
  }, [open]);

  // The panel or the tab going away (closed, switched) is leaving the box too: keep what was typed.
  const latestSave = useRef<(refocus: boolean) => Promise<void>>();
  useEffect(() => {
    if (!open) return;
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void latestSave.current?.(false);
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => document.removeEventListener('visibilitychange', onHidden);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    onEditing(itemKey, undefined);
    if (refocus) requestAnimationFrame(() => button.current?.focus());
  };

  const start = () => {
    cancelling.current = false;
    opened.current = record;
    typed.current = false;
    setDraft(record.note ?? '');
    setOutcome(undefined);
    setOpen(true);
    onEditing(itemKey, record);
  };

  const save = async (refocus: boolean) => {
    if (busy) return;
    if (!typed.current) return close(refocus);
    setBusy(true);
    try {
      const result = await store.setNote(itemKey, draft, opened.current);
      typed.current = false;
      const where =
        result.fallback?.reason === 'quota'
          ? ` ${SYNC_FULL_MESSAGE}.`
          : result.fallback?.reason === 'unavailable'
            ? ` ${SYNC_UNAVAILABLE_MESSAGE}.`
            : '';
      setOutcome({
        kind: 'saved',
        message: `${draft.trim() ? 'Note saved' : 'Note removed'}.${where}`,
      });
      close(refocus);
    } catch (error) {
      setOutcome({
        kind: 'error',
        message: `Could not save the note: ${(error as Error).message}.`,
      });
    } finally {
      setBusy(false);
    }
  };

  latestSave.current = save;

  const note = record.note;
  return (
    <div class="saved-note-area">
      {note && !open && (
        // The listener's own words beside the item: a note, in ARIA's sense too.
        <p class="saved-note-text" role="note">
          {note}
        </p>
      )}
      {open ? (
        <div class="note-editor">
          <textarea
            ref={box}
            class="note-box"
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
            value={draft}
            aria-label={`Note for ${name}`}
            aria-describedby={hintId}
            disabled={busy}
            onFocus={() => {
              cancelling.current = false;
            }}
            onInput={(event) => {
              if (!event.isTrusted) return;
              typed.current = true;
              setDraft(event.currentTarget.value);
            }}
            onKeyDown={trusted((event: KeyboardEvent) => {
              if (event.key === 'Escape') {
                // The box's own key: it must not close the companion too. The box going takes
                // focus with it, and that blur must not save.
                event.stopPropagation();
                event.preventDefault();
                cancelling.current = true;
                close(true);
              } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void save(true);
              }
            })}
            // Leaving the box saves it, however focus leaves (Tab included), except by Cancel.
            onBlur={trusted(() => {
              if (cancelling.current) return;
              void save(false);
            })}
          />
          <p class="note-hint" id={hintId}>
            {draft.length} / {NOTE_MAX_LENGTH} characters. Saved when you leave the box or press
            Ctrl+Enter; Esc cancels.
          </p>
          {/* For pointers (Esc is the keyboard's cancel, and Tab out of the box saves): pressed, it
              is decided before the box loses focus, whether or not the platform focuses buttons. */}
          <button
            type="button"
            class="text-button"
            tabIndex={-1}
            onPointerDown={(event) => {
              if (event.isTrusted) cancelling.current = true;
            }}
            onClick={trusted(() => {
              cancelling.current = false;
              close(true);
            })}
          >
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          ref={button}
          class="text-button note-button"
          aria-describedby={describedBy}
          onClick={trusted(start)}
        >
          {note ? 'Edit note' : 'Add note'}
        </button>
      )}
      {outcome?.kind === 'error' && (
        <p class="notice notice-error" role="alert">
          {outcome.message}
        </p>
      )}
      <output class="saved-meta note-outcome" aria-live="polite">
        {outcome?.kind === 'saved' ? outcome.message : ''}
      </output>
    </div>
  );
}
