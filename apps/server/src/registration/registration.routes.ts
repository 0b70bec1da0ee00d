import { authRoutes, ParleyError, parseOrThrow, registerRequestSchema, socketEvents } from '@parley/shared';
import { Router, type Request, type Response } from 'express';
import { hashToken, newToken } from '../auth/tokens.js';
import type { AppContext } from '../context.js';
import { sendError } from '../http/errors.js';
import { reply } from '../http/reply.js';
import { toUserSummary } from '../users/user-shapes.js';
import { escapeHtml, sendHtmlPage } from '../http/html-page.js';
import { confirmationMail, someoneTriedMail } from '../mail/registration-mails.js';
import { accountExists, confirmRegistration, linkState, savePendingRegistration } from './registration.queries.js';

/** Link tokens are 32 random bytes in base64url; anything else cannot be one. */
const linkTokenPattern = /^[A-Za-z0-9_-]{43}$/;

function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}

function answerLinkError(req: Request, res: Response, outcome: 'expired' | 'unknown'): void {
  const error =
    outcome === 'expired'
      ? new ParleyError('link_expired', 'This confirmation link is older than 24 hours. Register again.')
      : new ParleyError('not_found', 'This confirmation link is used, replaced or unknown.');
  if (!prefersHtml(req)) {
    sendError(res, error);
    return;
  }
  if (outcome === 'expired') {
    sendHtmlPage(res, 410, 'This link has expired', [
      'Confirmation links work for 24 hours. Register again in Parley to get a new one.',
    ]);
  } else {
    sendHtmlPage(res, 404, 'This link does not work', [
      'It was already used, replaced by a newer one, or never existed. If your account is ready, log in from Parley.',
    ]);
  }
}

export function registrationRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post(authRoutes.register.path, async (req, res) => {
    const input = parseOrThrow(registerRequestSchema, req.body);
    await ctx.rateLimits.registration(input.email, req.ip);
    // The password is hashed on both paths so the answer takes as long with or without an account.
    const passwordHash = await ctx.passwords.hash(input.password);
    if (await accountExists(ctx.db, input.email)) {
      await ctx.mailer.send(someoneTriedMail(input.email));
    } else {
      const token = newToken();
      const now = ctx.clock.now();
      const { alreadyPending } = await savePendingRegistration(
        ctx.db,
        {
          email: input.email,
          tokenHash: hashToken(token),
          passwordHash,
          firstName: input.first_name,
          lastName: input.last_name,
        },
        now,
      );
      const link = `${ctx.settings.publicUrl}/register/${token}`;
      await ctx.mailer.send(confirmationMail(input.email, input.first_name, link, alreadyPending ? now : undefined));
    }
    reply(res, authRoutes.register, { status: 'confirmation_sent' });
  });

  // Express would run the GET handler for HEAD and consume the link: mail scanners send HEAD.
  router.head(authRoutes.confirm.path, async (req, res) => {
    const token = req.params.token;
    const state = linkTokenPattern.test(token) ? await linkState(ctx.db, hashToken(token), ctx.clock.now()) : 'unknown';
    res.status(state === 'valid' ? 200 : state === 'expired' ? 410 : 404).end();
  });

  router.get(authRoutes.confirm.path, async (req, res) => {
    const token = req.params.token;
    const result = linkTokenPattern.test(token)
      ? await confirmRegistration(ctx.db, hashToken(token), ctx.clock.now())
      : ({ outcome: 'unknown' } as const);
    if (result.outcome !== 'created') {
      answerLinkError(req, res, result.outcome);
      return;
    }
    const { user } = result;
    // Every connected socket belongs to a logged-in user, so this reaches every online user.
    ctx.io.emit(socketEvents.userRegistered, toUserSummary(user));
    if (prefersHtml(req)) {
      const webClient = escapeHtml(`${ctx.settings.publicUrl}/app/`);
      sendHtmlPage(res, 201, 'Your account is ready', [
        'Go back to Parley and log in with your email and password.',
        `No app at hand? <a href="${webClient}">Open Parley in your browser</a>.`,
      ]);
    } else {
      reply(res, authRoutes.confirm, { user_id: user.id });
    }
  });

  return router;
}
