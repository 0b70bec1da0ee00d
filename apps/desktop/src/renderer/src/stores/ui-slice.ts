import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';
import type { ConversationKey } from '@parley/shared';

export interface UiSlice {
  /** The conversation shown in the pane. */
  active: ConversationKey | null;
  setActive: (key: ConversationKey | null) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  active: null,
  setActive: (active) => set({ active }),
});
