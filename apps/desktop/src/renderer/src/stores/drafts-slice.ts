import type { ConversationKey } from '@parley/shared';
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';
import { loadDrafts, saveDrafts, type Drafts } from './draft-storage';

export interface DraftsSlice {
  /** What was typed and not sent, per conversation. */
  drafts: Drafts;
  setDraft: (key: ConversationKey, text: string) => void;
  /** Whose drafts these are (`draftScopeOf`), set at sign-in; null while signed out. */
  draftScope: string | null;
  /** The signed-in user's saved drafts, read once at sign-in. */
  restoreDrafts: (scope: string) => void;
}

export const createDraftsSlice: StateCreator<AppState, [], [], DraftsSlice> = (set, get) => ({
  drafts: {},
  draftScope: null,
  setDraft: (key, text) => {
    if ((get().drafts[key] ?? '') === text) return;
    const drafts = { ...get().drafts, [key]: text };
    set({ drafts });
    const scope = get().draftScope;
    if (scope !== null) saveDrafts(scope, drafts);
  },
  restoreDrafts: (scope) => set({ drafts: loadDrafts(scope), draftScope: scope }),
});
