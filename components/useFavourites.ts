import { useEffect, useState } from 'preact/hooks';
import {
  type FavouritesState,
  type FavouritesStore,
  getFavouritesStore,
} from '@/lib/favourites/store';

/** The whole favourites state, kept live (other tabs included). */
export function useFavouritesState(store: FavouritesStore = getFavouritesStore()): FavouritesState {
  const [state, setState] = useState(store.getState());
  useEffect(() => {
    setState(store.getState());
    return store.subscribe(setState);
  }, [store]);
  return state;
}

/** Whether one favourite is saved; re-renders only when that answer changes. */
export function useIsSaved(key: string, store: FavouritesStore = getFavouritesStore()): boolean {
  const [saved, setSaved] = useState(() => store.isSaved(key));
  useEffect(() => {
    setSaved(store.isSaved(key));
    return store.subscribe(() => setSaved(store.isSaved(key)));
  }, [key, store]);
  return saved;
}
