import {
  isReachableId,
  markReadRequestSchema,
  notificationRoutes as routes,
  ParleyError,
  parseOrThrow,
  type NotificationEntry,
} from '@parley/shared';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { markGroupRead } from '../groups/group-read-marks.queries.js';
import { requireAuth, sessionOf } from '../http/auth.js';
import { reply } from '../http/reply.js';
import { toMessageState } from '../messages/message-shapes.js';
import { markRoomRead } from '../rooms/rooms.queries.js';
import { mentionCounts } from './mention-counts.queries.js';
import { unreadEntries } from './notifications.queries.js';
import { announceUnread } from './unread-announcements.js';

export function notificationsRoutes(ctx: AppContext): Router {
  const router = Router();
  const auth = requireAuth(ctx);

  router.get(routes.list.path, auth, async (_req, res) => {
    const { user } = sessionOf(res);
    const entries = await unreadEntries(ctx.db, user.user_id);
    const mentions = await mentionCounts(ctx.db, user.user_id, entries);
    const notifications: NotificationEntry[] = entries.map((entry) => {
      const last_message = entry.last ? toMessageState(entry.last) : null;
      // Only when some are: an entry without it has none, as a v1 client reads it.
      const mentioned = mentions.get(`${entry.kind}:${entry.id}`) ?? 0;
      const extra = mentioned > 0 ? { mention_count: mentioned } : {};
      return entry.kind === 'room'
        ? { chat_room_id: entry.id, unread_count: entry.unread, ...extra, last_message }
        : { chat_group_id: entry.id, unread_count: entry.unread, ...extra, last_message };
    });
    reply(res, routes.list, { notifications, total_unread: entries.reduce((sum, entry) => sum + entry.unread, 0) });
  });

  router.put(routes.markRead.path, auth, async (req, res) => {
    const { user } = sessionOf(res);
    const input = parseOrThrow(markReadRequestSchema, req.body);
    await ctx.rateLimits.write('markRead', user.user_id);
    if ('chat_room_id' in input) {
      const ok = isReachableId(input.chat_room_id) && (await markRoomRead(ctx.db, input.chat_room_id, user.user_id));
      if (!ok) throw new ParleyError('not_found', 'You have no such chat room.');
      const cleared = { chat_room_id: input.chat_room_id, unread_count: 0 as const };
      // The user's other devices learn the conversation was read here.
      announceUnread(ctx.io, user.user_id, cleared);
      reply(res, routes.markRead, cleared);
    } else {
      const ok = isReachableId(input.chat_group_id) && (await markGroupRead(ctx.db, input.chat_group_id, user.user_id));
      if (!ok) throw new ParleyError('not_found', 'You are not in such a group.');
      const cleared = { chat_group_id: input.chat_group_id, unread_count: 0 as const };
      announceUnread(ctx.io, user.user_id, cleared);
      reply(res, routes.markRead, cleared);
    }
  });

  return router;
}
