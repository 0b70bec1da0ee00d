import { socketRooms } from '@parley/shared';
import type { ExtendedError } from 'socket.io';
import { sessionExists } from '../auth/sessions.queries.js';
import type { AppContext, ParleySocket } from '../context.js';
import { groupIdsOf } from '../groups/groups.queries.js';
import { describeError } from '../http/errors.js';
import { announceOnline } from '../presence/announcements.js';
import { announceLeft } from '../presence/group-presence.js';
import { groupIdOfPresentRoom, groupRoomsOfUser, isOnline } from '../presence/presence.js';
import { registerChatHandlers, type Senders } from './dispatch.js';
import { unavailableRefusal } from './handshake.js';

/** The group rooms read from the database, or null when the user's other sockets will tell. */
const preparedGroupRooms = new WeakMap<ParleySocket, string[] | null>();

/**
 * Middleware after the handshake auth: reads (asynchronously) which groups the socket belongs in,
 * so `onConnection` can join them in the same tick the client learns it is connected; a client
 * that acts right after `connect` is already in every room. A user with a socket here already
 * needs no read: the new socket copies its rooms when it joins.
 */
export function prepareConnection(ctx: AppContext) {
  return async (socket: ParleySocket, next: (error?: ExtendedError) => void) => {
    const { userId } = socket.data;
    try {
      if (isOnline(ctx.io, userId)) {
        preparedGroupRooms.set(socket, null);
      } else {
        const groupIds = await groupIdsOf(ctx.db, userId);
        preparedGroupRooms.set(socket, groupIds.map(socketRooms.groupMembers));
      }
      next();
    } catch (error) {
      ctx.logger.error({ err: describeError(error) }, 'preparing a socket failed');
      next(unavailableRefusal('The server could not open this connection right now; try again.'));
    }
  };
}

/**
 * A logout (or a purge) between the handshake and the join below disconnected the session's room
 * before this socket was in it. The session is deleted before that disconnect, so reading it once
 * the socket is in the room catches every such socket.
 */
function closeIfSessionEnded(ctx: AppContext, socket: ParleySocket, sessionId: number): void {
  sessionExists(ctx.db, sessionId)
    .then((exists) => {
      if (!exists) socket.disconnect(true);
    })
    .catch((error: unknown) => ctx.logger.error({ err: describeError(error) }, "checking a new socket's session failed"));
}

/** The other sockets closed while this one was prepared without a read: read the groups now. */
function joinGroupsLate(ctx: AppContext, socket: ParleySocket): void {
  groupIdsOf(ctx.db, socket.data.userId)
    .then((groupIds) => {
      if (socket.connected) socket.join(groupIds.map(socketRooms.groupMembers));
    })
    .catch((error: unknown) => ctx.logger.error({ err: describeError(error) }, "reading a new socket's groups failed"));
}

/**
 * A new authenticated socket joins the rooms every process agrees on (its user, its session, its
 * groups, the groups its user is present in). Whether it is the user's first socket is read from
 * the adapter in the same tick as the join, and whether a closing one was the last in the same
 * tick as its leave: two sockets connecting at once, or one closing while another is prepared,
 * cannot both (or neither) announce.
 */
export function onConnection(ctx: AppContext, socket: ParleySocket, senders: Senders): void {
  const { userId, sessionId } = socket.data;
  const fromDatabase = preparedGroupRooms.get(socket);
  preparedGroupRooms.delete(socket);
  const first = !isOnline(ctx.io, userId);
  const fromSiblings = groupRoomsOfUser(ctx.io, userId);
  socket.join([socketRooms.user(userId), socketRooms.session(String(sessionId)), ...(fromDatabase ?? []), ...fromSiblings]);
  if (fromDatabase === null && first) joinGroupsLate(ctx, socket);
  closeIfSessionEnded(ctx, socket, sessionId);
  registerChatHandlers(ctx, socket, senders);
  if (first) announceOnline(ctx.io, userId, true);

  let presentRooms: string[] = [];
  socket.on('disconnecting', () => {
    presentRooms = [...socket.rooms].filter((room) => groupIdOfPresentRoom(room) !== null);
  });
  socket.on('disconnect', () => {
    if (isOnline(ctx.io, userId)) return;
    for (const room of presentRooms) {
      const groupId = groupIdOfPresentRoom(room);
      // Read at the end: a rename (`PUT /me`) replaces it while the socket is open.
      if (groupId !== null) announceLeft(ctx.io, socket.data.user, groupId);
    }
    announceOnline(ctx.io, userId, false);
  });
}
