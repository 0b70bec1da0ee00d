import { botRoutes } from '@parley/shared';
import { Router, type RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { requireAuth, sessionOf } from '../http/auth.js';
import { reply } from '../http/reply.js';
import { parseHistoryQuery, readPage } from '../messages/history.js';
import { toBotMessage } from '../messages/message-shapes.js';
import { botMessagePage } from './bot-messages.queries.js';

export function botChatRoutes(ctx: AppContext): Router {
  const router = Router();
  const history: RequestHandler = async (req, res) => {
    const { user } = sessionOf(res);
    const query = parseHistoryQuery(req.query);
    // The bot chat's lines are never changed: nothing has changed since any cursor.
    const page = await readPage(query, (request) =>
      request.bound?.op === 'changed' ? Promise.resolve([]) : botMessagePage(ctx.db, user.user_id, request),
    );
    reply(res, botRoutes.history, {
      messages: page.items.map(toBotMessage),
      has_more: page.hasMore,
      ...(page.hasMoreAfter === undefined ? {} : { has_more_after: page.hasMoreAfter }),
    });
  };
  // The seed spells it both ways.
  router.get(botRoutes.history.path, requireAuth(ctx), history);
  router.get('/chat-bot', requireAuth(ctx), history);
  return router;
}
