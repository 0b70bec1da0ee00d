import { socketRooms } from '@parley/shared';
import type { ParleyServer } from '../context.js';

/*
 * Presence is read from Socket.IO's adapter, never from a map in this process: with a cluster
 * adapter the same calls see the sockets of every server process.
 */

export async function onlineUserIds(io: ParleyServer): Promise<Set<number>> {
  const sockets = await io.fetchSockets();
  return new Set(sockets.map((socket) => socket.data.userId));
}

export async function isOnline(io: ParleyServer, userId: number): Promise<boolean> {
  const sockets = await io.in(socketRooms.user(userId)).fetchSockets();
  return sockets.length > 0;
}

export async function presentUserIds(io: ParleyServer, groupId: number): Promise<number[]> {
  const sockets = await io.in(socketRooms.groupPresent(groupId)).fetchSockets();
  return [...new Set(sockets.map((socket) => socket.data.userId))].sort((a, b) => a - b);
}

/** Whether a user has sockets already, and the group-present rooms they are in: one fetch. */
export async function userSocketState(io: ParleyServer, userId: number): Promise<{ online: boolean; presentRooms: string[] }> {
  const sockets = await io.in(socketRooms.user(userId)).fetchSockets();
  const rooms = new Set<string>();
  for (const socket of sockets) for (const room of socket.rooms) if (groupIdOfPresentRoom(room) !== null) rooms.add(room);
  return { online: sockets.length > 0, presentRooms: [...rooms] };
}

export function groupIdOfPresentRoom(room: string): number | null {
  const match = /^group-present:(\d+)$/.exec(room);
  return match ? Number(match[1]) : null;
}
