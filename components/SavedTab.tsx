/** The Saved tab. Favourites arrive with the favourites feature; until then an honest empty state. */
export function SavedTab() {
  return (
    <p class="empty-state">
      Nothing saved yet. Saving links and quotes is coming in a later version.
    </p>
  );
}
