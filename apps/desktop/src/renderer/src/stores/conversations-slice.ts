import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';
import type { ConversationKey } from '@parley/shared';
import { applyStates, mergeMessages, type UiMessage } from './message-list';

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
  /** The server's change cursor for what is held: a catch-up asks for the changes after it. */
  changeCursor: number | null;
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
  changeCursor: null,
  hasNewer: false,
  focusId: null,
  firstUnreadId: null,
};

export interface ConversationsSlice {
  conversations: Partial<Record<ConversationKey, ConversationState>>;
  updateConversation: (key: ConversationKey, update: (c: ConversationState) => ConversationState) => void;
  /** Merges confirmed messages (live or fetched) into a conversation. */
  mergeInto: (key: ConversationKey, messages: UiMessage[]) => void;
  /** A message's new state (edited, deleted, reacted to), where it is held. */
  applyChange: (key: ConversationKey, message: UiMessage, changeCursor: number) => void;
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
  applyChange: (key, message, changeCursor) =>
    set((s) => {
      const current = s.conversations[key];
      if (!current) return s;
      const next = { ...current, messages: applyStates(current.messages, [message]), changeCursor: laterCursor(current.changeCursor, changeCursor) };
      return { conversations: { ...s.conversations, [key]: next } };
    }),
  resetConversations: () => set({ conversations: {} }),
});

function laterCursor(held: number | null, incoming: number | undefined): number | null {
  if (incoming === undefined) return held;
  return held === null ? incoming : Math.max(held, incoming);
}

/** A fresh first page: the newest messages, replacing what was held except unconfirmed sends. */
export function withLatestPage(current: ConversationState, page: UiMessage[], hasMore: boolean, changeCursor?: number): ConversationState {
  const unconfirmed = current.messages.filter((m) => m.id === null);
  return { ...current, messages: mergeMessages(unconfirmed, page), hasMore, status: 'ready', error: null, changeCursor: changeCursor ?? null, hasNewer: false, focusId: null };
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

/**
 * A catch-up page (`after`, with the changes since the cursor): merged by id, the server's state
 * of every message in it put over the rows held; it says nothing about older history.
 */
export function withNewerPage(current: ConversationState, page: UiMessage[], changeCursor?: number): ConversationState {
  const messages = applyStates(mergeMessages(current.messages, page), page);
  return { ...current, messages, status: 'ready', error: null, changeCursor: laterCursor(current.changeCursor, changeCursor) };
}
