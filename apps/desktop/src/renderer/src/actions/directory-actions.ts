import type { ActionContext } from './context';
import { unreadFromNotifications } from '../stores/unread-slice';
import { mentionsFromNotifications } from '../stores/mentions-slice';

/** Fetches people, groups, rooms and unread counts; each list is applied as soon as it arrives. */
export async function loadDirectory({ store, bridge }: ActionContext): Promise<void> {
  const [users, groups, rooms] = await Promise.all([bridge.api.users(), bridge.api.chatGroups(), bridge.api.chatRooms()]);
  const s = store.getState();
  if (users.ok) s.setUsers(users.value.users);
  if (groups.ok) s.setGroups(groups.value.chat_groups);
  if (rooms.ok) s.setRooms(rooms.value.chat_rooms);
  await refreshUnread({ store, bridge } as ActionContext);
}

/** Unread counts from the server. */
export async function refreshUnread({ store, bridge }: Pick<ActionContext, 'store' | 'bridge'>): Promise<void> {
  const result = await bridge.api.notifications();
  if (!result.ok) return;
  const s = store.getState();
  const unread = unreadFromNotifications(result.value.notifications, s);
  // The open conversation stays at zero while it is on screen.
  s.replaceUnread(s.active ? { ...unread, [s.active]: 0 } : unread);
  const mentions = mentionsFromNotifications(result.value.notifications, s);
  s.replaceMentions(s.active ? { ...mentions, [s.active]: 0 } : mentions);
}

/** Learns the rooms again, e.g. when a message arrives for a room this client has not seen. */
export async function refreshRooms({ store, bridge }: Pick<ActionContext, 'store' | 'bridge'>): Promise<void> {
  const rooms = await bridge.api.chatRooms();
  if (rooms.ok) store.getState().setRooms(rooms.value.chat_rooms);
}

export async function refreshGroups({ store, bridge }: Pick<ActionContext, 'store' | 'bridge'>): Promise<void> {
  const groups = await bridge.api.chatGroups();
  if (groups.ok) store.getState().setGroups(groups.value.chat_groups);
}
