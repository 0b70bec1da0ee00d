import { socketEvents, socketRooms } from '@parley/shared';
import type { ExtendedError } from 'socket.io';
import { sessionExists } from '../auth/sessions.queries.js';
import type { AppContext, ParleySocket } from '../context.js';
import { groupIdsOf } from '../groups/groups.queries.js';
import { describeError } from '../http/errors.js';
import { announceLeft } from '../presence/group-presence.js';
import { groupIdOfPresentRoom, isOnline, userSocketState } from '../presence/presence.js';
import { registerChatHandlers, type Senders } from './dispatch.js';
import { unavailableRefusal } from './handshake.js';

interface Prepared {
  rooms: string[];
  alreadyOnline: boolean;
}

const prepared = new WeakMap<ParleySocket, Prepared>();

/**
 * Middleware after the handshake auth: reads (asynchronously) which rooms the socket belongs in,
 * so `onConnection` can join them in the same tick the client learns it is connected; a client
 * that acts right after `connect` is already in every room.
 */
export function prepareConnection(ctx: AppContext) {
  return async (socket: ParleySocket, next: (error?: ExtendedError) => void) => {
    const { userId, sessionId } = socket.data;
    try {
      const [groupIds, existing] = await Promise.all([groupIdsOf(ctx.db, userId), userSocketState(ctx.io, userId)]);
      prepared.set(socket, {
        rooms: [
          socketRooms.user(userId),
          socketRooms.session(String(sessionId)),
          ...groupIds.map(socketRooms.groupMembers),
          ...existing.presentRooms,
        ],
        alreadyOnline: existing.online,
      });
      next();
    } catch (error) {
      ctx.logger.error({ err: describeError(error) }, 'preparing a socket failed');
      next(unavailableRefusal('The server could not open this connection right now; try again.'));
    }
  };
}

/**
 * A logout (or a purge) between the handshake and the join above disconnected the session's room
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

/**
 * A new authenticated socket joins the rooms every process agrees on (its user, its session, its
 * groups, the groups its user is present in). Presence is announced when it is the user's first
 * socket, and again when their last one closes.
 */
export function onConnection(ctx: AppContext, socket: ParleySocket, senders: Senders): void {
  const { user, userId, sessionId } = socket.data;
  const plan = prepared.get(socket);
  prepared.delete(socket);
  if (plan) socket.join(plan.rooms);
  closeIfSessionEnded(ctx, socket, sessionId);
  registerChatHandlers(ctx, socket, senders);
  if (plan && !plan.alreadyOnline) ctx.io.emit(socketEvents.presence, { user_id: userId, online: true });

  let presentRooms: string[] = [];
  socket.on('disconnecting', () => {
    presentRooms = [...socket.rooms].filter((room) => groupIdOfPresentRoom(room) !== null);
  });
  socket.on('disconnect', () => {
    void (async () => {
      if (await isOnline(ctx.io, userId)) return;
      for (const room of presentRooms) {
        const groupId = groupIdOfPresentRoom(room);
        if (groupId !== null) announceLeft(ctx.io, user, groupId);
      }
      ctx.io.emit(socketEvents.presence, { user_id: userId, online: false });
    })().catch((error: unknown) => ctx.logger.error({ err: describeError(error) }, 'disconnect handling failed'));
  });
}
