import { isReachableId, ParleyError, roomRoutes as routes } from '@parley/shared';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { requireAuth, sessionOf } from '../http/auth.js';
import { pathId } from '../http/params.js';
import { reply } from '../http/reply.js';
import { toUserWithPresence } from '../users/user-shapes.js';
import { changeCursorOfPage, parseHistoryQuery, readPage } from '../messages/history.js';
import { toMessageState } from '../messages/message-shapes.js';
import { roomWithPage, type RoomOfUser } from '../messages/room-page.queries.js';
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

  router.get(routes.history.path, auth, async (req, res) => {
    const { user } = sessionOf(res);
    const roomId = pathId(req.params.id);
    const query = parseHistoryQuery(req.query);
    // The room check rides on the page's statement; a page that needs no rows checks alone.
    let room: RoomOfUser | null | undefined = isReachableId(roomId) ? undefined : null;
    let cursor: number | undefined;
    const page = await readPage(query, async (request) => {
      if (room === null) return [];
      const found = await roomWithPage(ctx.db, roomId, user.user_id, request);
      room = found?.room ?? null;
      cursor = found?.changeCursor;
      return found?.messages ?? [];
    });
    if (room === undefined) room = await findRoomOf(ctx.db, roomId, user.user_id);
    // Someone else's room answers exactly like a missing one.
    if (!room) throw new ParleyError('not_found', 'There is no such chat room.');
    // One user's presence: the size of their own Socket.IO room, read as the answer leaves.
    const online = isOnline(ctx.io, room.other.id);
    reply(res, routes.history, {
      chat_room_id: room.id,
      other_user: toUserWithPresence(room.other, online),
      messages: page.items.map(toMessageState),
      has_more: page.hasMore,
      ...withCursor(changeCursorOfPage(query, page, cursor)),
      ...(page.hasMoreAfter === undefined ? {} : { has_more_after: page.hasMoreAfter }),
    });
  });

  return router;
}
