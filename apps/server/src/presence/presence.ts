import { socketRooms } from '@parley/shared';
import type { ParleyServer, ParleySocket } from '../context.js';

/*
 * Presence is read from Socket.IO's adapter rooms, never from a map of our own: the adapter is the
 * source of truth (a cluster adapter later answers the same questions for every node), and these
 * reads are synchronous, so a decision and the join or leave it depends on happen in one tick.
 */

function roomsOf(io: ParleyServer): Map<string, Set<string>> {
  return io.of('/').adapter.rooms;
}

const userRoomPrefix = 'user:';

export function onlineUserIds(io: ParleyServer): Set<number> {
  const ids = new Set<number>();
  for (const [room, members] of roomsOf(io)) {
    if (members.size > 0 && room.startsWith(userRoomPrefix)) ids.add(Number(room.slice(userRoomPrefix.length)));
  }
  return ids;
}

export function isOnline(io: ParleyServer, userId: number): boolean {
  return (roomsOf(io).get(socketRooms.user(userId))?.size ?? 0) > 0;
}

/** The connected sockets of a user on this node. */
export function socketsOf(io: ParleyServer, userId: number): ParleySocket[] {
  const ids = roomsOf(io).get(socketRooms.user(userId));
  if (!ids) return [];
  const sockets = io.of('/').sockets;
  const found: ParleySocket[] = [];
  for (const id of ids) {
    const socket = sockets.get(id);
    if (socket) found.push(socket);
  }
  return found;
}

export function isPresent(io: ParleyServer, userId: number, groupId: number): boolean {
  const room = socketRooms.groupPresent(groupId);
  return socketsOf(io, userId).some((socket) => socket.rooms.has(room));
}

export function presentUserIds(io: ParleyServer, groupId: number): number[] {
  const ids = roomsOf(io).get(socketRooms.groupPresent(groupId));
  if (!ids) return [];
  const sockets = io.of('/').sockets;
  const users = new Set<number>();
  for (const id of ids) {
    const socket = sockets.get(id);
    if (socket) users.add(socket.data.userId);
  }
  return [...users].sort((a, b) => a - b);
}

/** The group rooms (membership and presence) a user's sockets are in: what a new socket copies. */
export function groupRoomsOfUser(io: ParleyServer, userId: number): string[] {
  const rooms = new Set<string>();
  for (const socket of socketsOf(io, userId)) {
    for (const room of socket.rooms) if (room.startsWith('group')) rooms.add(room);
  }
  return [...rooms];
}

export function groupIdOfPresentRoom(room: string): number | null {
  const match = /^group-present:(\d+)$/.exec(room);
  return match ? Number(match[1]) : null;
}
