import type { NotificationEvent, NotificationsResponse } from '@parley/shared';

/**
 * Unread counts per conversation, as the server reports them: the full list from
 * `GET /notifications` (at start and on resync), then `notification` events and mark-read
 * answers for one conversation at a time. The server is the only source of counts.
 */
export type UnreadKey = `room:${number}` | `group:${number}`;

export type UnreadCounts = ReadonlyMap<UnreadKey, number>;

type OneConversation = { chat_room_id: number } | { chat_group_id: number };

export function unreadKey(entry: OneConversation): UnreadKey {
  return 'chat_room_id' in entry ? `room:${entry.chat_room_id}` : `group:${entry.chat_group_id}`;
}

export function countsFromResponse(response: NotificationsResponse): UnreadCounts {
  const counts = new Map<UnreadKey, number>();
  for (const entry of response.notifications) if (entry.unread_count > 0) counts.set(unreadKey(entry), entry.unread_count);
  return counts;
}

export function withCount(counts: UnreadCounts, event: NotificationEvent | (OneConversation & { unread_count: number })): UnreadCounts {
  const next = new Map(counts);
  const key = unreadKey(event);
  if (event.unread_count > 0) next.set(key, event.unread_count);
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

/** What the tray and the dock/taskbar badge show for a total of unread messages. */
export function trayView(total: number): TrayView {
  if (total <= 0) return { icon: 'idle', tooltip: 'Parley', badgeCount: 0 };
  return { icon: 'unread', tooltip: `Parley — ${total} unread`, badgeCount: total };
}
