import { socketRooms } from '@parley/shared';
import type { ParleyServer, ParleySocket } from '../context.js';
import { publicSummary } from '../users/user-shapes.js';
import { RemoteNodes, type Named, type NodeState } from './remote-nodes.js';

/*
 * Presence is read from Socket.IO's adapter rooms for this node's sockets, and from the copy of
 * the other nodes' parts (`RemoteNodes`, kept by `node-sync.ts`) for theirs: never from a map of
 * our own for local sockets. The reads are synchronous, so a decision and the join or leave it
 * depends on happen in one tick. The `…Here` reads see this node only.
 */

const remoteNodes = new WeakMap<ParleyServer, RemoteNodes>();

/** The other nodes' presence as this node knows it (empty on a lone node). */
export function remoteNodesOf(io: ParleyServer): RemoteNodes {
  let nodes = remoteNodes.get(io);
  if (!nodes) remoteNodes.set(io, (nodes = new RemoteNodes()));
  return nodes;
}

function roomsOf(io: ParleyServer): Map<string, Set<string>> {
  return io.of('/').adapter.rooms;
}

const userRoomPrefix = 'user:';

export function userIdOfUserRoom(room: string): number | null {
  return room.startsWith(userRoomPrefix) ? Number(room.slice(userRoomPrefix.length)) : null;
}

export function onlineUserIdsHere(io: ParleyServer): Set<number> {
  const ids = new Set<number>();
  for (const [room, members] of roomsOf(io)) {
    if (members.size > 0 && room.startsWith(userRoomPrefix)) ids.add(Number(room.slice(userRoomPrefix.length)));
  }
  return ids;
}

/** Everyone with a socket on any node. */
export function onlineUserIds(io: ParleyServer): Set<number> {
  const ids = onlineUserIdsHere(io);
  remoteNodesOf(io).addOnline(ids);
  return ids;
}

export function isOnlineHere(io: ParleyServer, userId: number): boolean {
  return (roomsOf(io).get(socketRooms.user(userId))?.size ?? 0) > 0;
}

export function isOnline(io: ParleyServer, userId: number): boolean {
  return isOnlineHere(io, userId) || remoteNodesOf(io).isOnline(userId);
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

/** How many of a user's sockets on this node are in `room` (read from the room, which a leave updates first). */
export function socketsInRoom(io: ParleyServer, userId: number, room: string): number {
  const members = roomsOf(io).get(room);
  if (!members) return 0;
  return socketsOf(io, userId).filter((socket) => members.has(socket.id)).length;
}

export function isPresentHere(io: ParleyServer, userId: number, groupId: number): boolean {
  return socketsInRoom(io, userId, socketRooms.groupPresent(groupId)) > 0;
}

export function isPresent(io: ParleyServer, userId: number, groupId: number): boolean {
  return isPresentHere(io, userId, groupId) || remoteNodesOf(io).isPresent(userId, groupId);
}

function addPresentHere(io: ParleyServer, groupId: number, users: Set<number>): void {
  const ids = roomsOf(io).get(socketRooms.groupPresent(groupId));
  if (!ids) return;
  const sockets = io.of('/').sockets;
  for (const id of ids) {
    const socket = sockets.get(id);
    if (socket) users.add(socket.data.userId);
  }
}

/** Who is present in a group on any node, in id order. */
export function presentUserIds(io: ParleyServer, groupId: number): number[] {
  const users = new Set<number>();
  addPresentHere(io, groupId, users);
  remoteNodesOf(io).addPresent(groupId, users);
  // Every entry lists the whole group: a typed array sorts numbers natively, without a comparator
  // call per pair (filled and read by index: its iterator-based `from` costs more than the sort saves).
  const sorted = new Float64Array(users.size);
  let i = 0;
  for (const id of users) sorted[i++] = id;
  sorted.sort();
  const ids = new Array<number>(sorted.length);
  for (let k = 0; k < sorted.length; k++) ids[k] = sorted[k]!;
  return ids;
}

/** This node's part of presence, whole: what another node asks for when it joins or missed changes. */
export function presenceHere(io: ParleyServer): NodeState {
  const present: NodeState['present'] = [];
  const names = new Map<number, Named>();
  const sockets = io.of('/').sockets;
  for (const [room, ids] of roomsOf(io)) {
    const groupId = groupIdOfPresentRoom(room);
    if (groupId === null) continue;
    const users = new Set<number>();
    for (const id of ids) {
      const socket = sockets.get(id);
      if (!socket) continue;
      users.add(socket.data.userId);
      names.set(socket.data.userId, publicSummary(socket.data.user));
    }
    present.push([groupId, [...users]]);
  }
  return { online: [...onlineUserIdsHere(io)], present, names: [...names.values()] };
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
