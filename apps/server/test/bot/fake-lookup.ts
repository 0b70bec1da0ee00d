import type { UserSummary } from '@parley/shared';
import type { BotRequest, BotTurn, FoundMessage, UnreadConversation, WorkspaceLookup } from '../../src/bot/bot.js';

export const ada: UserSummary = { user_id: 1, first_name: 'Ada', last_name: 'Lovelace' };
export const bob: UserSummary = { user_id: 2, first_name: 'Bob', last_name: 'Marley' };
export const cleo: UserSummary = { user_id: 3, first_name: 'Cleo', last_name: 'Patra' };

/** Wednesday 25 November 2026, 16:31:00 UTC */
export const now = new Date(Date.UTC(2026, 10, 25, 16, 31));

export interface FakeWorkspace {
  online: UserSummary[];
  offline: UserSummary[];
  unread: UnreadConversation[];
  messages: FoundMessage[];
  groups: { name: string; memberCount: number; isMember: boolean }[];
}

/** A lookup over plain arrays that also records the searches it was asked for. */
export function fakeLookup(workspace: Partial<FakeWorkspace> = {}) {
  const data: FakeWorkspace = { online: [ada], offline: [], unread: [], messages: [], groups: [], ...workspace };
  const searches: { userId: number; term: string; limit: number }[] = [];
  const lookup: WorkspaceLookup = {
    onlineUsers: async () => data.online,
    allUsers: async () => [
      ...data.online.map((user) => ({ ...user, online: true })),
      ...data.offline.map((user) => ({ ...user, online: false })),
    ],
    unreadConversations: async () => data.unread,
    searchMessages: async (userId, term, limit) => {
      searches.push({ userId, term, limit });
      const needle = term.toLowerCase();
      return data.messages.filter((m) => m.text.toLowerCase().includes(needle)).slice(0, limit);
    },
    groups: async () => data.groups,
  };
  return { lookup, searches };
}

/** A lookup whose every call fails, as a database outage would. */
export const brokenLookup: WorkspaceLookup = {
  onlineUsers: () => Promise.reject(new Error('connection refused: secret-db-host:5432')),
  allUsers: () => Promise.reject(new Error('connection refused')),
  unreadConversations: () => Promise.reject(new Error('connection refused')),
  searchMessages: () => Promise.reject(new Error('connection refused')),
  groups: () => Promise.reject(new Error('connection refused')),
};

export function ask(text: string, history: BotTurn[] = [], user: UserSummary = ada): BotRequest {
  return { user, text, history, now };
}
