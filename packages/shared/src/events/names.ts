import type { ClientToServerEvents, ServerToClientEvents } from './maps.js';

/** Socket.IO event names, checked against the event maps. Every chat payload, either way, travels on `message`. */
export const socketEvents = {
  message: 'message',
  leaveGroup: 'leave_group',
  editMessage: 'edit_message',
  deleteMessage: 'delete_message',
  react: 'react',
  typing: 'typing',
  messageChanged: 'message_changed',
  notification: 'notification',
  presence: 'presence',
  groupPresence: 'group_presence',
  userRegistered: 'user_registered',
  userUpdated: 'user_updated',
  groupCreated: 'group_created',
  groupUpdated: 'group_updated',
} as const satisfies Record<string, keyof ServerToClientEvents | keyof ClientToServerEvents>;

/** Socket.IO rooms every server process agrees on, so a second node needs no other state. */
export const socketRooms = {
  user: (userId: number) => `user:${userId}`,
  groupMembers: (groupId: number) => `group:${groupId}`,
  groupPresent: (groupId: number) => `group-present:${groupId}`,
  session: (sessionId: string) => `session:${sessionId}`,
} as const;

/**
 * The `data.code` of a refused handshake's `connect_error`: `unauthorized` alone means "log in
 * again"; `unavailable` (the database is down, the server is stopping) means "keep the token and
 * retry".
 */
export const handshakeErrorCode = 'unauthorized';
export const handshakeUnavailableCode = 'unavailable';
