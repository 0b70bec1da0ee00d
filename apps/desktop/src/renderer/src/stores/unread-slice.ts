import type { NotificationEntry, NotificationEvent } from '@parley/shared';
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';
import { groupKey, userKey, type ConversationKey } from './conversation-key';

export interface UnreadSlice {
  unread: Partial<Record<ConversationKey, number>>;
  setUnread: (key: ConversationKey, count: number) => void;
  replaceUnread: (unread: Partial<Record<ConversationKey, number>>) => void;
}

export const createUnreadSlice: StateCreator<AppState, [], [], UnreadSlice> = (set) => ({
  unread: {},
  setUnread: (key, count) =>
    set((state) => (state.unread[key] === count ? state : { unread: { ...state.unread, [key]: count } })),
  replaceUnread: (unread) => set({ unread }),
});

/**
 * The conversation a notification is about. Rooms are keyed by the other person, so a room this
 * client has not seen yet cannot be placed (null): the caller refetches the room list.
 */
export function unreadKeyOf(
  entry: NotificationEvent | NotificationEntry,
  userByRoom: Readonly<Record<number, number>>,
): ConversationKey | null {
  if ('chat_group_id' in entry) return groupKey(entry.chat_group_id);
  const userId = userByRoom[entry.chat_room_id];
  return userId === undefined ? null : userKey(userId);
}

/** Unread counts from `GET /notifications`, for the rooms and groups this client can place. */
export function unreadFromNotifications(
  entries: readonly NotificationEntry[],
  userByRoom: Readonly<Record<number, number>>,
): Partial<Record<ConversationKey, number>> {
  const unread: Partial<Record<ConversationKey, number>> = {};
  for (const entry of entries) {
    const key = unreadKeyOf(entry, userByRoom);
    if (key && entry.unread_count > 0) unread[key] = entry.unread_count;
  }
  return unread;
}
