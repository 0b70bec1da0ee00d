import { groupKey, userKey, type ConversationKey } from '@parley/shared';
import { selectGroupIds, selectPeopleIds, type SidebarSource } from './sidebar-selectors';

/** Every conversation in the order the sidebar shows them: the bot, people, then groups. */
export function selectConversationOrder(state: SidebarSource): ConversationKey[] {
  return ['bot', ...selectPeopleIds(state).map(userKey), ...selectGroupIds(state).map(groupKey)];
}

export type Direction = 'previous' | 'next';

/**
 * The conversation one step away from the open one, wrapping at both ends. With `unreadOnly`, the
 * nearest one with unread messages in that direction (null when none has any); without an open
 * conversation, the first (or last) of the list.
 */
export function stepConversation(
  order: readonly ConversationKey[],
  active: ConversationKey | null,
  direction: Direction,
  unread: Readonly<Partial<Record<ConversationKey, number>>>,
  unreadOnly: boolean,
): ConversationKey | null {
  const n = order.length;
  if (n === 0) return null;
  const step = direction === 'next' ? 1 : -1;
  const at = active === null ? -1 : order.indexOf(active);
  // From nowhere, "next" starts at the top and "previous" at the bottom.
  const start = at === -1 ? (direction === 'next' ? -1 : n) : at;
  for (let i = 1; i <= n; i++) {
    const key = order[(((start + step * i) % n) + n) % n];
    if (key === undefined) continue;
    if (!unreadOnly) return key === active ? null : key;
    if ((unread[key] ?? 0) > 0 && key !== active) return key;
  }
  return null;
}
