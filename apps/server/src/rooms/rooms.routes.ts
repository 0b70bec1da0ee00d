import { isReachableId, ParleyError, roomRoutes as routes } from '@parley/shared';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { notSignedIn, requireAuth, sessionOf, signedInSession, tokenAndInput } from '../http/auth.js';
import { pathId } from '../http/params.js';
import { reply } from '../http/reply.js';
import { toUserWithPresence } from '../users/user-shapes.js';
import { changeCursorOfPage, parseHistoryQuery, readPage } from '../messages/history.js';
import { toMessageState } from '../messages/message-shapes.js';
import { roomPageOfToken, type RoomPage } from '../messages/room-page.queries.js';
import { isOnline, onlineUserIds } from '../presence/presence.js';
import { findRoomOf, listRooms } from './rooms.queries.js';

/** `change_cursor` travels when the page's statement read it. */
export function withCursor(cursor: number | undefined): { change_cursor?: number } {
  return cursor === undefined ? {} : { change_cursor: cursor };
}

export function roomsRoutes(ctx: AppContext): Router {
  const router = Router();
  const auth = requireAuth(ctx);

  router.get(routes.list.path, auth, async (_req, res) => {
    const { user } = sessionOf(res);
    const rooms = await listRooms(ctx.db, user.user_id);
    const online = onlineUserIds(ctx.io);
    reply(res, routes.list, {
      chat_rooms: rooms.map((room) => ({
        chat_room_id: room.roomId,
        other_user: toUserWithPresence(room.other, online.has(room.other.id)),
        last_message: room.last ? toMessageState(room.last) : null,
        unread_count: room.unread,
      })),
    });
  });

  // The token, the room and the page are checked and read in one statement (`roomPageOfToken`).
  router.get(routes.history.path, async (req, res) => {
    const { token, input } = await tokenAndInput(ctx, req, () => ({
      roomId: pathId(req.params.id),
      query: parseHistoryQuery(req.query),
    }));
    const { roomId, query } = input;
    let found: RoomPage | undefined;
    const page = await readPage(query, async (request) => {
      if (!isReachableId(roomId)) return [];
      const read = await roomPageOfToken(ctx, token, roomId, request);
      if (!read) throw notSignedIn();
      found = read;
      return read.messages;
    });
    // A page that needed no rows checks the token, and then the room, on their own.
    let room = found?.room;
    if (!found) {
      const { user } = await signedInSession(ctx, token);
      room = isReachableId(roomId) ? await findRoomOf(ctx.db, roomId, user.user_id) : null;
    }
    // Someone else's room answers exactly like a missing one.
    if (!room) throw new ParleyError('not_found', 'There is no such chat room.');
    // One user's presence: the size of their own Socket.IO room, read as the answer leaves.
    const online = isOnline(ctx.io, room.other.id);
    reply(res, routes.history, {
      chat_room_id: room.id,
      other_user: toUserWithPresence(room.other, online),
      messages: page.items.map(toMessageState),
      has_more: page.hasMore,
      ...withCursor(changeCursorOfPage(query, page, found?.changeCursor)),
      ...(page.hasMoreAfter === undefined ? {} : { has_more_after: page.hasMoreAfter }),
    });
  });

  return router;
}
