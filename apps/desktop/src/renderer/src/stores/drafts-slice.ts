import type { ConversationKey } from '@parley/shared';
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';
import { loadDrafts, saveDrafts, type Drafts } from './draft-storage';

export interface DraftsSlice {
  /** What was typed and not sent, per conversation. */
  drafts: Drafts;
  setDraft: (key: ConversationKey, text: string) => void;
  /** The signed-in user's saved drafts, read once at sign-in. */
  restoreDrafts: (userId: number) => void;
}

export const createDraftsSlice: StateCreator<AppState, [], [], DraftsSlice> = (set, get) => ({
  drafts: {},
  setDraft: (key, text) => {
    if ((get().drafts[key] ?? '') === text) return;
    const drafts = { ...get().drafts, [key]: text };
    set({ drafts });
    const self = get().self;
    if (self) saveDrafts(self.user_id, drafts);
  },
  restoreDrafts: (userId) => set({ drafts: loadDrafts(userId) }),
});
