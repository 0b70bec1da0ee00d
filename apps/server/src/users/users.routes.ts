import { userRoutes } from '@parley/shared';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { requireAuth } from '../http/auth.js';
import { reply } from '../http/reply.js';
import { onlineUserIds } from '../presence/presence.js';
import { allUsers } from './users.queries.js';

export function usersRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get(userRoutes.list.path, requireAuth(ctx), async (_req, res) => {
    const list = await allUsers(ctx.db);
    const online = onlineUserIds(ctx.io);
    reply(res, userRoutes.list, { users: list.map((user) => ({ ...user, online: online.has(user.user_id) })) });
  });
  return router;
}
