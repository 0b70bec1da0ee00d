import { socketEvents, socketRooms, type SelfUser, type UserSummary } from '@parley/shared';
import type { ParleyServer } from '../context.js';

function summary(user: UserSummary | SelfUser): UserSummary {
  return { user_id: user.user_id, first_name: user.first_name, last_name: user.last_name };
}

/**
 * Makes a member present in a group when they have a connected socket. Returns false when they
 * were present already or have no socket, so nothing is announced twice.
 */
export async function enterGroup(io: ParleyServer, user: UserSummary, groupId: number): Promise<boolean> {
  const sockets = await io.in(socketRooms.user(user.user_id)).fetchSockets();
  if (sockets.length === 0) return false;
  const room = socketRooms.groupPresent(groupId);
  if (sockets.some((socket) => socket.rooms.has(room))) return false;
  io.in(socketRooms.user(user.user_id)).socketsJoin(room);
  io.to(room).emit(socketEvents.groupPresence, { ...summary(user), chat_group_id: groupId, present: true });
  return true;
}

/** Takes a user out of a group's present set on every socket and tells those still present. */
export async function leaveGroup(io: ParleyServer, user: UserSummary, groupId: number): Promise<void> {
  const room = socketRooms.groupPresent(groupId);
  const sockets = await io.in(socketRooms.user(user.user_id)).fetchSockets();
  const wasPresent = sockets.some((socket) => socket.rooms.has(room));
  io.in(socketRooms.user(user.user_id)).socketsLeave(room);
  if (wasPresent) announceLeft(io, user, groupId);
}

export function announceLeft(io: ParleyServer, user: UserSummary, groupId: number): void {
  io.to(socketRooms.groupPresent(groupId)).emit(socketEvents.groupPresence, {
    ...summary(user),
    chat_group_id: groupId,
    present: false,
  });
}
