import type { UserSummary } from '@parley/shared';

/** One turn of the bot conversation, oldest first, as the bot sees its history. */
export interface BotTurn {
  isUser: boolean;
  text: string;
  at: Date;
}

/** A conversation with unread messages, as the bot describes it to its user. */
export interface UnreadConversation {
  kind: 'room' | 'group';
  /** The other person's full name for a room, the group's name for a group. */
  title: string;
  unreadCount: number;
}

/** A message the user can see that matched a search. */
export interface FoundMessage {
  /** Where it was said: the other person's full name, or the group's name. */
  where: string;
  author: string;
  text: string;
  at: Date;
}

/**
 * What the bot may ask about the workspace, always on behalf of the user it is talking to.
 * The server implements it over the database and the presence state; tests pass fakes.
 */
export interface WorkspaceLookup {
  onlineUsers(): Promise<UserSummary[]>;
  allUsers(): Promise<(UserSummary & { online: boolean })[]>;
  unreadConversations(userId: number): Promise<UnreadConversation[]>;
  /** Messages in the user's rooms and groups whose text contains `term`, newest first. */
  searchMessages(userId: number, term: string, limit: number): Promise<FoundMessage[]>;
  groups(): Promise<{ name: string; memberCount: number; isMember: boolean }[]>;
}

export interface BotRequest {
  user: UserSummary;
  text: string;
  /** Recent turns before this one, oldest first. */
  history: BotTurn[];
  now: Date;
}

/** Anything that answers a user's message to the bot. A reply is always text, never a throw. */
export interface Bot {
  reply(request: BotRequest): Promise<string>;
}
