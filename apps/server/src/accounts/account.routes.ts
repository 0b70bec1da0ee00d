import {
  accountRoutes,
  changePasswordRequestSchema,
  isReachableId,
  ParleyError,
  parseOrThrow,
  socketEvents,
  updateMeRequestSchema,
} from '@parley/shared';
import { eq } from 'drizzle-orm';
import { Router } from 'express';
import { disconnectSessions } from '../auth/end-sessions.js';
import { deleteOwnSession, sessionsOf } from '../auth/sessions.queries.js';
import type { AppContext } from '../context.js';
import { users } from '../db/schema/index.js';
import { requireAuth, sessionOf } from '../http/auth.js';
import { describeError } from '../http/errors.js';
import { pathId } from '../http/params.js';
import { reply } from '../http/reply.js';
import { passwordChangedMail } from '../mail/account-mails.js';
import { socketsOf } from '../presence/presence.js';
import { publicSummary, toSelfUser } from '../users/user-shapes.js';
import { changePassword, passwordHashOf } from './password-reset.queries.js';

export function accountRoutesOf(ctx: AppContext): Router {
  const router = Router();
  const auth = requireAuth(ctx);

  /** A wrong current password is a failed login of the address: the same counter, the same 429. */
  router.put(accountRoutes.changePassword.path, auth, async (req, res) => {
    const session = sessionOf(res);
    const input = parseOrThrow(changePasswordRequestSchema, req.body);
    const { email } = session.user;
    await ctx.rateLimits.loginAttempt(req.ip);
    await ctx.rateLimits.assertLoginAllowed(email);
    const stored = await passwordHashOf(ctx.db, session.user.user_id);
    const valid = stored ? await ctx.passwords.verify(input.current_password, stored) : false;
    if (!valid) {
      await ctx.rateLimits.loginFailed(email);
      throw new ParleyError('invalid_credentials', 'The current password is wrong.');
    }
    const passwordHash = await ctx.passwords.hash(input.new_password);
    const ended = await changePassword(ctx.db, session.user.user_id, passwordHash, session.sessionId);
    disconnectSessions(ctx, ended);
    const now = ctx.clock.now();
    await ctx.mailer
      .send(passwordChangedMail(email, session.user.first_name, now))
      .catch((error: unknown) => ctx.logger.error({ err: describeError(error) }, 'the password-changed mail failed'));
    reply(res, accountRoutes.changePassword, { status: 'password_changed' });
  });

  router.get(accountRoutes.sessions.path, auth, async (_req, res) => {
    const session = sessionOf(res);
    const rows = await sessionsOf(ctx.db, session.user.user_id, ctx.clock.now());
    reply(res, accountRoutes.sessions, {
      sessions: rows.map((row) => ({
        session_id: row.id,
        created_at: row.createdAt.toISOString(),
        last_used_at: row.lastUsedAt.toISOString(),
        client: row.client || 'Unknown client',
        current: row.id === session.sessionId,
      })),
    });
  });

  router.delete(accountRoutes.endSession.path, auth, async (req, res) => {
    const session = sessionOf(res);
    const sessionId = pathId(req.params.id);
    // Another user's session answers exactly like one that does not exist.
    if (!isReachableId(sessionId) || !(await deleteOwnSession(ctx.db, session.user.user_id, sessionId))) {
      throw new ParleyError('not_found', 'You have no such session.');
    }
    disconnectSessions(ctx, [sessionId]);
    reply(res, accountRoutes.endSession, { status: 'logged_out' });
  });

  router.put(accountRoutes.updateMe.path, auth, async (req, res) => {
    const session = sessionOf(res);
    await ctx.rateLimits.write('profileUpdate', session.user.user_id);
    const input = parseOrThrow(updateMeRequestSchema, req.body);
    const [user] = await ctx.db.orm
      .update(users)
      .set({ firstName: input.first_name, lastName: input.last_name })
      .where(eq(users.id, session.user.user_id))
      .returning({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName });
    if (!user) throw new ParleyError('unauthorized', 'Log in first: this account no longer exists.');
    const self = toSelfUser(user);
    // This node's sockets carry the user for what they announce later (leaving a group).
    for (const socket of socketsOf(ctx.io, user.id)) socket.data.user = self;
    // Every connected socket belongs to a logged-in user, so this reaches every online user.
    ctx.io.emit(socketEvents.userUpdated, publicSummary(self));
    reply(res, accountRoutes.updateMe, { user: self });
  });

  return router;
}
