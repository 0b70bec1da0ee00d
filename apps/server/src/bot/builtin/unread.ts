import type { UserSummary } from '@parley/shared';
import type { UnreadConversation, WorkspaceLookup } from '../bot.js';
import { bulletList, plural } from './reply-text.js';

const maxListed = 30;

function describe(conversation: UnreadConversation): string {
  const where = conversation.kind === 'group' ? `${conversation.title} (group)` : conversation.title;
  return `${where} — ${conversation.unreadCount} unread`;
}

/** "unread" / "what did I miss": conversations with unread messages, busiest first. */
export async function unreadReply(lookup: WorkspaceLookup, me: UserSummary): Promise<string> {
  const unread = (await lookup.unreadConversations(me.user_id))
    .filter((conversation) => conversation.unreadCount > 0)
    .sort((a, b) => b.unreadCount - a.unreadCount || a.title.localeCompare(b.title, 'en'));
  if (unread.length === 0) return "You're all caught up: no unread messages.";
  const total = unread.reduce((sum, conversation) => sum + conversation.unreadCount, 0);
  const heading = `You have ${plural(total, 'unread message', 'unread messages')} in ${plural(unread.length, 'conversation', 'conversations')}:`;
  return `${heading}\n${bulletList(unread.map(describe), maxListed)}`;
}
