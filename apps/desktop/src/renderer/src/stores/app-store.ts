import { createStore, useStore, type StoreApi } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createConversationsSlice, type ConversationsSlice } from './conversations-slice';
import { createDirectorySlice, type DirectorySlice } from './directory-slice';
import { createDraftsSlice, type DraftsSlice } from './drafts-slice';
import { createMentionsSlice, type MentionsSlice } from './mentions-slice';
import { createSearchSlice, type SearchSlice } from './search-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createServersSlice, type ServersSlice } from './servers-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createTypingSlice, type TypingSlice } from './typing-slice';
import { createUnreadSlice, type UnreadSlice } from './unread-slice';

export type AppState = SessionSlice &
  DirectorySlice &
  ConversationsSlice &
  UnreadSlice &
  ConnectionSlice &
  UiSlice &
  DraftsSlice &
  SearchSlice &
  MentionsSlice &
  TypingSlice &
  ServersSlice;
export type AppStore = StoreApi<AppState>;

/** The slices combined once; tests make a fresh store per case. */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createSessionSlice(...a),
    ...createDirectorySlice(...a),
    ...createConversationsSlice(...a),
    ...createUnreadSlice(...a),
    ...createConnectionSlice(...a),
    ...createUiSlice(...a),
    ...createTypingSlice(...a),
    ...createDraftsSlice(...a),
    ...createSearchSlice(...a),
    ...createMentionsSlice(...a),
    ...createServersSlice(...a),
  }));
}

export const appStore = createAppStore();

/** Narrow selection from the app store: a component re-renders only when its slice changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

/** For selectors that build an object or array: compared shallowly. */
export function useAppShallow<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, useShallow(selector));
}
