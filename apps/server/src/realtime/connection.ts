import { socketRooms } from '@parley/shared';
import type { AppContext, ParleySocket } from '../context.js';
import { describeError } from '../http/errors.js';
import { groupRoomsOfUser } from '../presence/presence.js';
import { registerChatHandlers, type Senders } from './dispatch.js';
import { takeGroupRooms } from './prepared-rooms.js';
import { sessionStillExists } from '../auth/session-lookups.js';

/**
 * A logout (or a purge) between the handshake and the join below disconnected the session's room
 * before this socket was in it. The session is deleted before that disconnect, so reading it once
 * the socket is in the room catches every such socket.
 */
function closeIfSessionEnded(ctx: AppContext, socket: ParleySocket, sessionId: number): void {
  sessionStillExists(ctx, sessionId)
    .then((exists) => {
      if (!exists) socket.disconnect(true);
    })
    .catch((error: unknown) => ctx.logger.error({ err: describeError(error) }, "checking a new socket's session failed"));
}

/**
 * A new authenticated socket joins the rooms every process agrees on (its user, its session, its
 * groups, the groups its user is present in). Presence follows from those joins, and from the
 * leaves when it closes (`presence/presence-tracker.ts`): whether it is the user's first socket
 * is read from the adapter in the same tick as the join, so two sockets connecting at once, or
 * one closing while another is prepared, cannot both (or neither) announce.
 */
export function onConnection(ctx: AppContext, socket: ParleySocket, senders: Senders): void {
  const { userId, sessionId } = socket.data;
  // The user's other sockets here may have entered groups since the handshake read them.
  const fromSiblings = groupRoomsOfUser(ctx.io, userId);
  socket.join([socketRooms.user(userId), socketRooms.session(String(sessionId)), ...takeGroupRooms(socket), ...fromSiblings]);
  closeIfSessionEnded(ctx, socket, sessionId);
  registerChatHandlers(ctx, socket, senders);
}
