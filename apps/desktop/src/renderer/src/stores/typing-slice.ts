import type { StateCreator } from 'zustand';
import type { ConversationKey } from '@parley/shared';
import type { AppState } from './app-store';

/** Who is typing where: user id → when to stop showing it (ms since the epoch), per conversation. */
export interface TypingSlice {
  typing: Partial<Record<ConversationKey, Record<number, number>>>;
  setTyping: (key: ConversationKey, userId: number, until: number) => void;
  clearTyping: (key: ConversationKey, userId: number) => void;
}

export const createTypingSlice: StateCreator<AppState, [], [], TypingSlice> = (set) => ({
  typing: {},
  setTyping: (key, userId, until) =>
    set((s) => ({ typing: { ...s.typing, [key]: { ...s.typing[key], [userId]: until } } })),
  clearTyping: (key, userId) =>
    set((s) => {
      const current = s.typing[key];
      if (!current || !(userId in current)) return s;
      const { [userId]: _gone, ...rest } = current;
      return { typing: { ...s.typing, [key]: rest } };
    }),
});

/** The people typing in a conversation at `now`, in the order they started. */
export function typingUserIds(typing: Record<number, number> | undefined, now: number): number[] {
  if (!typing) return [];
  return Object.entries(typing)
    .filter(([, until]) => until > now)
    .map(([id]) => Number(id));
}
