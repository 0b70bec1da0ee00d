import { parseOrThrow, searchQuerySchema, searchRoutes as routes, searchWords } from '@parley/shared';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { requireAuth, sessionOf } from '../http/auth.js';
import { reply } from '../http/reply.js';
import { publicSummary } from '../users/user-shapes.js';
import { parseCursor } from './search-cursor.js';
import { searchPage } from './search.js';

export function searchRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get(routes.search.path, requireAuth(ctx), async (req, res) => {
    const { user } = sessionOf(res);
    const query = parseOrThrow(searchQuerySchema, req.query);
    await ctx.rateLimits.write('search', user.user_id);
    const page = await searchPage(ctx.db, publicSummary(user), searchWords(query.q), parseCursor(query.before));
    reply(res, routes.search, { results: page.results, next_before: page.next, match: page.match });
  });
  return router;
}
