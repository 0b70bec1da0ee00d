import { authRoutes as routes, loginRequestSchema, ParleyError, parseOrThrow, socketRooms } from '@parley/shared';
import { eq } from 'drizzle-orm';
import { Router, type RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { users } from '../db/schema/index.js';
import { requireAuth, sessionOf } from '../http/auth.js';
import { reply } from '../http/reply.js';
import { toSelfUser } from '../users/user-shapes.js';
import { describeClient } from './client-description.js';
import { createSession, deleteSession } from './sessions.queries.js';

export function authRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post(routes.login.path, async (req, res) => {
    const input = parseOrThrow(loginRequestSchema, req.body);
    // Before anything costly: every attempt below may pay for a scrypt.
    await ctx.rateLimits.loginAttempt(req.ip);
    await ctx.rateLimits.assertLoginAllowed(input.email);
    const [user] = await ctx.db.orm.select().from(users).where(eq(users.email, input.email)).limit(1);
    // An unknown or unconfirmed address still pays for one scrypt, so timing tells nothing.
    const valid = user
      ? await ctx.passwords.verify(input.password, user.passwordHash)
      : await ctx.passwords.burn(input.password);
    if (!user || !valid) {
      await ctx.rateLimits.loginFailed(input.email);
      throw new ParleyError('invalid_credentials', 'The email address or the password is wrong.');
    }
    const token = await createSession(ctx.db, user.id, ctx.clock.now(), describeClient(req.get('user-agent')));
    reply(res, routes.login, { token, user: toSelfUser(user) });
  });

  const logout: RequestHandler = async (_req, res) => {
    const session = sessionOf(res);
    await deleteSession(ctx.db, session.sessionId);
    ctx.io.in(socketRooms.session(String(session.sessionId))).disconnectSockets(true);
    reply(res, routes.logout, { status: 'logged_out' });
  };
  router.get(routes.logout.path, requireAuth(ctx), logout);
  router.post(routes.logout.path, requireAuth(ctx), logout);

  return router;
}
