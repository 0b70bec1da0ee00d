import { conversationOfAddress, keyOf, type ConversationKey, type NotificationEntry, type NotificationEvent } from '@parley/shared';
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';
import { roomLinksOf, type DirectorySlice } from './directory-slice';

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

type Rooms = Pick<DirectorySlice, 'userByRoom' | 'recipientByClientId'>;

/**
 * The conversation a notification is about. Rooms are keyed by the other person, so a room this
 * client has not seen yet cannot be placed (null): the caller refetches the room list.
 */
export function unreadKeyOf(entry: NotificationEvent | NotificationEntry, rooms: Rooms): ConversationKey | null {
  const conversation = conversationOfAddress(entry, roomLinksOf(rooms));
  return conversation && keyOf(conversation);
}

/** Unread counts from `GET /notifications`, for the rooms and groups this client can place. */
export function unreadFromNotifications(entries: readonly NotificationEntry[], rooms: Rooms): Partial<Record<ConversationKey, number>> {
  const unread: Partial<Record<ConversationKey, number>> = {};
  for (const entry of entries) {
    const key = unreadKeyOf(entry, rooms);
    if (key && entry.unread_count > 0) unread[key] = entry.unread_count;
  }
  return unread;
}
