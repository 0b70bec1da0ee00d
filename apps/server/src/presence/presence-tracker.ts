import type { ParleyServer } from '../context.js';
import { publicSummary } from '../users/user-shapes.js';
import { announceOnline, announcePresent } from './announcements.js';
import {
  groupIdOfPresentRoom,
  isOnline,
  isPresent,
  remoteNodesOf,
  socketsInRoom,
  userIdOfUserRoom,
} from './presence.js';
import type { NodeChange } from './remote-nodes.js';

/*
 * Presence changes are derived from the adapter's own room events, wherever the join or leave
 * came from (a connect, a disconnect, a group entered over REST on another node): a user's first
 * socket in their user room is online here, the last one leaving is offline here; likewise for a
 * group's present room. This node's changes go to the other nodes (`feed`), and any change of the
 * whole cluster's view is announced to this node's sockets.
 */

type Feed = (change: NodeChange) => void;

export function trackPresence(io: ParleyServer, feed?: Feed): void {
  const adapter = io.of('/').adapter;
  const remote = remoteNodesOf(io);

  function changed(room: string, socketId: string, joined: boolean): void {
    const userId = userIdOfUserRoom(room);
    if (userId !== null) {
      const size = adapter.rooms.get(room)?.size ?? 0;
      if (joined ? size !== 1 : size !== 0) return;
      feed?.({ user_id: userId, on: joined });
      if (!remote.isOnline(userId)) announceOnline(io, userId, joined);
      return;
    }
    const groupId = groupIdOfPresentRoom(room);
    if (groupId === null) return;
    // Still listed while it leaves its rooms on disconnect: the namespace forgets it after.
    const socket = io.of('/').sockets.get(socketId);
    if (!socket) return;
    const count = socketsInRoom(io, socket.data.userId, room);
    if (joined ? count !== 1 : count !== 0) return;
    const user = publicSummary(socket.data.user);
    feed?.({ ...user, group_id: groupId, on: joined });
    if (!remote.isPresent(user.user_id, groupId)) announcePresent(io, user, groupId, joined);
  }

  adapter.on('join-room', (room: string, socketId: string) => changed(room, socketId, true));
  adapter.on('leave-room', (room: string, socketId: string) => changed(room, socketId, false));
}

/** A user's online state, or their presence in one group. */
export interface PresenceKey {
  user_id: number;
  group_id?: number;
}

function stateOf(io: ParleyServer, key: PresenceKey): boolean {
  return key.group_id === undefined ? isOnline(io, key.user_id) : isPresent(io, key.user_id, key.group_id);
}

/**
 * Applies a change to what is known of other nodes (`update`) and announces, to this node's
 * sockets, each of `keys` whose state in the whole cluster it changed.
 */
export function updateRemote(io: ParleyServer, keys: PresenceKey[], update: () => void): PresenceKey[] {
  const before = keys.map((key) => stateOf(io, key));
  update();
  const turned: PresenceKey[] = [];
  const remote = remoteNodesOf(io);
  keys.forEach((key, i) => {
    const now = stateOf(io, key);
    if (now === before[i]) return;
    turned.push(key);
    if (key.group_id === undefined) announceOnline(io, key.user_id, now);
    else announcePresent(io, remote.nameOf(key.user_id), key.group_id, now);
  });
  return turned;
}
