import type { ConversationKey, NotificationEntry } from '@parley/shared';
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';
import { unreadKeyOf } from './unread-slice';

/** Unread messages that mention the user, per conversation: shown apart as "2 mentions". */
export interface MentionsSlice {
  mentions: Partial<Record<ConversationKey, number>>;
  addMention: (key: ConversationKey) => void;
  clearMentions: (key: ConversationKey) => void;
  replaceMentions: (mentions: Partial<Record<ConversationKey, number>>) => void;
}

export const createMentionsSlice: StateCreator<AppState, [], [], MentionsSlice> = (set) => ({
  mentions: {},
  addMention: (key) => set((s) => ({ mentions: { ...s.mentions, [key]: (s.mentions[key] ?? 0) + 1 } })),
  clearMentions: (key) => set((s) => (s.mentions[key] ? { mentions: { ...s.mentions, [key]: 0 } } : s)),
  replaceMentions: (mentions) => set({ mentions }),
});

/** Mention counts from `GET /notifications` (`mention_count`, left out when there are none). */
export function mentionsFromNotifications(entries: readonly NotificationEntry[], rooms: Parameters<typeof unreadKeyOf>[1]): Partial<Record<ConversationKey, number>> {
  const mentions: Partial<Record<ConversationKey, number>> = {};
  for (const entry of entries) {
    const key = unreadKeyOf(entry, rooms);
    if (key && (entry.mention_count ?? 0) > 0) mentions[key] = entry.mention_count;
  }
  return mentions;
}
