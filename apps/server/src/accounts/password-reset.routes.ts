import {
  accountRoutes,
  limits,
  ParleyError,
  parseOrThrow,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
} from '@parley/shared';
import express, { Router, type Request, type Response } from 'express';
import { disconnectSessions } from '../auth/end-sessions.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { AppContext } from '../context.js';
import { describeError, sendError } from '../http/errors.js';
import { reply } from '../http/reply.js';
import { passwordChangedMail, passwordResetMail } from '../mail/account-mails.js';
import { accountForReset, resetLinkState, resetPassword, saveResetLink, type ResetLinkState } from './password-reset.queries.js';
import { sendPasswordChangedPage, sendResetForm, sendResetLinkError } from './reset-pages.js';

/** Link tokens are 32 random bytes in base64url; anything else cannot be one. */
const linkTokenPattern = /^[A-Za-z0-9_-]{43}$/;

function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}

function linkError(outcome: 'expired' | 'unknown'): ParleyError {
  return outcome === 'expired'
    ? new ParleyError('link_expired', 'This password reset link is older than one hour. Ask for a new one.')
    : new ParleyError('not_found', 'This password reset link is used, voided or unknown.');
}

function answerLinkError(req: Request, res: Response, outcome: 'expired' | 'unknown'): void {
  if (prefersHtml(req)) sendResetLinkError(res, outcome);
  else sendError(res, linkError(outcome));
}

/** The form's reasons, as sentences for the page; `fields` keeps the protocol's per-field reasons. */
function formProblem(body: unknown): { input?: { password: string }; error?: ParleyError; sentence?: string } {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  try {
    const input = parseOrThrow(passwordResetConfirmSchema, { password: record.password });
    const confirm = record.password_confirm;
    if (typeof confirm === 'string' && confirm !== input.password) {
      return {
        error: new ParleyError('invalid_input', 'The two passwords differ.', { fields: { password_confirm: 'must match the password' } }),
        sentence: 'The two passwords differ. Type the same new password twice.',
      };
    }
    return { input };
  } catch (error) {
    if (!(error instanceof ParleyError)) throw error;
    const reason = error.fields?.password ?? 'is not valid';
    return {
      error,
      sentence: `The new password ${reason}: choose one of ${limits.passwordMinCodePoints} to ${limits.passwordMaxCodePoints} characters.`,
    };
  }
}

export function passwordResetRoutes(ctx: AppContext): Router {
  const router = Router();

  /**
   * The answer goes out before the address is even looked up: an address with an account and one
   * without get the same 202 after the same work (the rate limits), and the link and its mail
   * follow in the background.
   */
  router.post(accountRoutes.requestReset.path, async (req, res) => {
    const input = parseOrThrow(passwordResetRequestSchema, req.body);
    await ctx.rateLimits.passwordReset(input.email, req.ip);
    reply(res, accountRoutes.requestReset, { status: 'reset_sent' });
    const done = ctx.backgroundWrites.start();
    try {
      const account = await accountForReset(ctx.db, input.email);
      if (!account) return;
      const token = newToken();
      await saveResetLink(ctx.db, account.id, hashToken(token), ctx.clock.now());
      await ctx.mailer.send(passwordResetMail(input.email, account.firstName, `${ctx.settings.publicUrl}/password_reset/${token}`));
    } catch (error) {
      ctx.logger.error({ err: describeError(error) }, 'sending a password reset link failed');
    } finally {
      done();
    }
  });

  const stateOf = async (token: string): Promise<ResetLinkState> =>
    linkTokenPattern.test(token) ? resetLinkState(ctx.db, hashToken(token), ctx.clock.now()) : 'unknown';

  // Express would answer HEAD with the GET handler; neither consumes the link, but HEAD sends no page.
  router.head(accountRoutes.resetLink.path, async (req, res) => {
    const state = await stateOf(req.params.token);
    res.status(state === 'valid' ? 200 : state === 'expired' ? 410 : 404).end();
  });

  router.get(accountRoutes.resetLink.path, async (req, res) => {
    const state = await stateOf(req.params.token);
    if (state !== 'valid') {
      answerLinkError(req, res, state);
      return;
    }
    if (prefersHtml(req)) sendResetForm(res, 200);
    else reply(res, accountRoutes.resetLink, { status: 'link_valid' });
  });

  router.post(
    accountRoutes.confirmReset.path,
    express.urlencoded({ extended: false, limit: limits.payloadMaxBytes, parameterLimit: 10 }),
    async (req, res) => {
      const html = prefersHtml(req);
      const token = req.params.token;
      const state = await stateOf(token);
      if (state !== 'valid') {
        answerLinkError(req, res, state);
        return;
      }
      const { input, error, sentence } = formProblem(req.body);
      if (!input) {
        if (html) sendResetForm(res, 400, sentence);
        else sendError(res, error!);
        return;
      }
      const passwordHash = await ctx.passwords.hash(input.password);
      const now = ctx.clock.now();
      const result = await resetPassword(ctx.db, hashToken(token), passwordHash, now);
      if (result.outcome !== 'changed') {
        answerLinkError(req, res, result.outcome);
        return;
      }
      disconnectSessions(ctx, result.endedSessionIds);
      await ctx.mailer
        .send(passwordChangedMail(result.user.email, result.user.firstName, now))
        .catch((mailError: unknown) => ctx.logger.error({ err: describeError(mailError) }, 'the password-changed mail failed'));
      if (html) sendPasswordChangedPage(res, `${ctx.settings.publicUrl}/app/`);
      else reply(res, accountRoutes.confirmReset, { status: 'password_changed' });
    },
  );

  return router;
}
