import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';
import type { ConversationKey } from '@parley/shared';
import { mergeMessages, type UiMessage } from './message-list';

/** An inline line in a group: someone came in or left. Placed after the message it followed. */
export interface Notice {
  key: string;
  text: string;
  timestamp: string;
  afterId: number | null;
}

export interface ConversationState {
  messages: UiMessage[];
  notices: Notice[];
  /** Older history exists on the server beyond the first message held. */
  hasMore: boolean;
  loadingOlder: boolean;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** Opened at a message (a search result): newer history exists beyond the last message held. */
  hasNewer: boolean;
  /** The message the view was opened at, shown in the middle and marked. */
  focusId: number | null;
  /** The first message that was unread when the conversation was opened: the "New messages" line. */
  firstUnreadId: number | null;
}

export const emptyConversation: ConversationState = {
  messages: [],
  notices: [],
  hasMore: false,
  loadingOlder: false,
  status: 'loading',
  error: null,
  hasNewer: false,
  focusId: null,
  firstUnreadId: null,
};

export interface ConversationsSlice {
  conversations: Partial<Record<ConversationKey, ConversationState>>;
  updateConversation: (key: ConversationKey, update: (c: ConversationState) => ConversationState) => void;
  /** Merges confirmed messages (live or fetched) into a conversation. */
  mergeInto: (key: ConversationKey, messages: UiMessage[]) => void;
  resetConversations: () => void;
}

export const createConversationsSlice: StateCreator<AppState, [], [], ConversationsSlice> = (set) => ({
  conversations: {},
  updateConversation: (key, update) =>
    set((s) => {
      const current = s.conversations[key] ?? emptyConversation;
      const next = update(current);
      return next === current ? s : { conversations: { ...s.conversations, [key]: next } };
    }),
  mergeInto: (key, messages) =>
    set((s) => {
      const current = s.conversations[key];
      // A conversation never opened is fetched whole when it is; no need to hold its live tail.
      if (!current) return s;
      const merged = mergeMessages(current.messages, messages);
      return merged === current.messages ? s : { conversations: { ...s.conversations, [key]: { ...current, messages: merged } } };
    }),
  resetConversations: () => set({ conversations: {} }),
});

/** A fresh first page: the newest messages, replacing what was held except unconfirmed sends. */
export function withLatestPage(current: ConversationState, page: UiMessage[], hasMore: boolean): ConversationState {
  const unconfirmed = current.messages.filter((m) => m.id === null);
  return { ...current, messages: mergeMessages(unconfirmed, page), hasMore, status: 'ready', error: null, hasNewer: false, focusId: null };
}

/**
 * A page around one message (`around`): it replaces what was held, since what lies between it
 * and the newest messages is not loaded; `hasNewer` says that gap exists.
 */
export function withPageAround(current: ConversationState, page: UiMessage[], hasMore: boolean, hasNewer: boolean, focusId: number): ConversationState {
  const unconfirmed = hasNewer ? [] : current.messages.filter((m) => m.id === null);
  return { ...current, messages: mergeMessages(unconfirmed, page), hasMore, hasNewer, focusId, firstUnreadId: null, status: 'ready', error: null };
}

/** An older page (`until`): prepended, merged by id; has_more now speaks for the oldest end. */
export function withOlderPage(current: ConversationState, page: UiMessage[], hasMore: boolean): ConversationState {
  return { ...current, messages: mergeMessages(current.messages, page), hasMore, loadingOlder: false };
}

/** A catch-up page (`after`): merged by id; it says nothing about older history. */
export function withNewerPage(current: ConversationState, page: UiMessage[]): ConversationState {
  return { ...current, messages: mergeMessages(current.messages, page), status: 'ready', error: null };
}
