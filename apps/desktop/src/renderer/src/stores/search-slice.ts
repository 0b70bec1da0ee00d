import type { SearchResult } from '@parley/shared';
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export interface SearchState {
  open: boolean;
  /** The query the results are for. */
  query: string;
  results: SearchResult[];
  /** The cursor of the next older page, or null when every result is shown. */
  next: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** The words were found inside words, word starts having found nothing. */
  insideWords: boolean;
}

export const closedSearch: SearchState = {
  open: false,
  query: '',
  results: [],
  next: null,
  status: 'idle',
  error: null,
  insideWords: false,
};

export interface SearchSlice {
  search: SearchState;
  updateSearch: (update: (s: SearchState) => SearchState) => void;
  openSearch: () => void;
  closeSearch: () => void;
}

export const createSearchSlice: StateCreator<AppState, [], [], SearchSlice> = (set) => ({
  search: closedSearch,
  updateSearch: (update) => set((s) => ({ search: update(s.search) })),
  openSearch: () => set((s) => ({ search: { ...s.search, open: true } })),
  closeSearch: () => set({ search: closedSearch }),
});
