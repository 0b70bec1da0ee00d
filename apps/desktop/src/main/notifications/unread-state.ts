import {
  conversationOfAddress,
  keyOf,
  type ConversationAddress,
  type ConversationKey,
  type NotificationsResponse,
  type RoomLinks,
} from '@parley/shared';

/**
 * Unread counts per conversation, as the server reports them: the full list from
 * `GET /notifications` (at start and on resync), then `notification` events and mark-read
 * answers for one conversation at a time. The server is the only source of counts.
 */
export type UnreadCounts = ReadonlyMap<ConversationKey, number>;

type Links = Pick<RoomLinks, 'userOfRoom'>;

/** The key of a conversation the wire names; null for a room not learned yet. */
export function unreadKey(address: ConversationAddress, links: Links): ConversationKey | null {
  const conversation = conversationOfAddress(address, links);
  return conversation && keyOf(conversation);
}

export function countsFromResponse(response: NotificationsResponse, links: Links): UnreadCounts {
  const counts = new Map<ConversationKey, number>();
  for (const entry of response.notifications) {
    const key = unreadKey(entry, links);
    if (key && entry.unread_count > 0) counts.set(key, entry.unread_count);
  }
  return counts;
}

/** Of the unread, the messages that mention the user (`mention_count`, absent when none). */
export function mentionsFromResponse(response: NotificationsResponse, links: Links): UnreadCounts {
  const counts = new Map<ConversationKey, number>();
  for (const entry of response.notifications) {
    const key = unreadKey(entry, links);
    if (key && (entry.mention_count ?? 0) > 0) counts.set(key, entry.mention_count ?? 0);
  }
  return counts;
}

export function withCount(counts: UnreadCounts, key: ConversationKey, count: number): UnreadCounts {
  const next = new Map(counts);
  if (count > 0) next.set(key, count);
  else next.delete(key);
  return next;
}

export function totalUnread(counts: UnreadCounts): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}

export interface TrayView {
  icon: 'unread' | 'idle';
  tooltip: string;
  badgeCount: number;
}

/** What the tray and the dock/taskbar badge show for a total of unread messages and the mentions among them. */
export function trayView(total: number, mentions = 0): TrayView {
  if (total <= 0) return { icon: 'idle', tooltip: 'Parley', badgeCount: 0 };
  const mentioned = mentions > 0 ? `, ${mentions === 1 ? '1 mention' : `${mentions} mentions`}` : '';
  return { icon: 'unread', tooltip: `Parley — ${total} unread${mentioned}`, badgeCount: total };
}
