/**
 * The listener's notes on favourites, and replacing one favourite by another (a clip that grows).
 * A note edit rewrites its favourite's one key with the note and `editedAt`, so two tabs editing
 * notes of different favourites never touch each other's keys, and of two edits of the same note
 * the later write wins whole.
 */
import { AREAS, type FavouritesState } from './load';
import { readFavourite } from './migrations';
import { readStored, removeRecord } from './remove';
import { type SaveResult, saveRecord } from './save';
import { cleanNote, type Favourite, favouriteId, NOTE_MAX_LENGTH, revisionOf } from './schema';

/** The newest readable copy of one favourite in storage, if any. */
async function readLatest(key: string): Promise<Favourite | undefined> {
  let latest: Favourite | undefined;
  for (const area of AREAS) {
    const read = readFavourite(await readStored(area, key));
    if (read.status === 'ok' && (!latest || revisionOf(read.record) > revisionOf(latest)))
      latest = read.record;
  }
  return latest;
}

/**
 * Sets (or, with blank text, clears) the note of the favourite `key`. The stored copy is the one
 * edited, so fields another tab changed meanwhile are kept; if another tab removed the favourite
 * while this one was editing its note (`editing` is the favourite as the note box was opened on),
 * the listener's latest action wins and it is saved again with the note. Throws when the note is
 * too long or the favourite is unknown here.
 */
export async function writeNote(
  state: FavouritesState,
  key: string,
  text: string,
  editing?: Favourite,
  now = Date.now(),
): Promise<SaveResult> {
  const note = cleanNote(text);
  if (note && note.length > NOTE_MAX_LENGTH) {
    throw new Error(
      `a note holds at most ${NOTE_MAX_LENGTH} characters (this one has ${note.length})`,
    );
  }
  const stored = await readLatest(key);
  const base = stored ?? state.items.find((i) => i.key === key)?.record ?? editing;
  if (!base) throw new Error('it is not saved any more');
  // Unchanged only if stored as it is: an item removed elsewhere is saved again with the note.
  if (stored && stored.note === note) {
    const listed = state.items.find((i) => i.key === key);
    const area = listed && !listed.areas.includes('sync') ? 'local' : 'sync';
    return { area, fallback: null, unchanged: true };
  }
  const { note: _old, editedAt: _at, ...rest } = base;
  // Later than every copy, even one written by a browser whose clock runs ahead.
  const editedAt = Math.max(now, revisionOf(base) + 1);
  const record = (note ? { ...rest, note, editedAt } : { ...rest, editedAt }) as Favourite;
  return saveRecord(state, record);
}

/** Another saved favourite is where a clip would go: changing it would merge the two. */
export class TakenError extends Error {
  constructor(readonly key: string) {
    super('that passage is saved already');
  }
}

/**
 * Saves `record` in place of the favourite `oldKey` (a clip grown or trimmed by a line): it keeps
 * the stored favourite's note and when it was first saved, read from storage, so a note another tab
 * wrote a moment ago goes along. The new one is written first, so a failure in between leaves both.
 * Throws `TakenError`, changing nothing, when another favourite is saved where the record goes.
 */
export async function replaceRecord(
  state: FavouritesState,
  oldKey: string,
  record: Favourite,
): Promise<SaveResult> {
  const key = favouriteId(record);
  if (key !== oldKey && (await readLatest(key))) throw new TakenError(key);
  const old = await readLatest(oldKey);
  const { note: _note, editedAt: _at, ...rest } = record;
  const kept = old
    ? ({
        ...rest,
        savedAt: old.savedAt,
        ...(old.note ? { note: old.note } : {}),
        ...(old.editedAt ? { editedAt: old.editedAt } : {}),
      } as Favourite)
    : record;
  const result = await saveRecord(state, kept);
  if (key !== oldKey) await removeRecord(oldKey);
  return result;
}
