import { socketRooms } from '@parley/shared';
import type { ParleySocket } from '../context.js';

/*
 * The group rooms a socket joins, read by the handshake with its session (one round trip), kept
 * until `onConnection` joins them in the same tick the client learns it is connected: a client
 * that acts right after `connect` is already in every room.
 */
const prepared = new WeakMap<ParleySocket, string[]>();

export function prepareGroupRooms(socket: ParleySocket, groupIds: number[]): void {
  prepared.set(socket, groupIds.map(socketRooms.groupMembers));
}

export function takeGroupRooms(socket: ParleySocket): string[] {
  const rooms = prepared.get(socket) ?? [];
  prepared.delete(socket);
  return rooms;
}
