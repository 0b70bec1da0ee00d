import { ParleyError } from '@parley/shared';
import type { RequestHandler, Response } from 'express';
import { sessionOfToken } from '../auth/session-lookups.js';
import type { Session } from '../auth/sessions.queries.js';
import { tokenFromHeaders } from '../auth/token-header.js';
import type { AppContext } from '../context.js';

const sessionKey = Symbol('session');

/** Lets a route through only with a live session token, which it then finds with `sessionOf`. */
export function requireAuth(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const token = tokenFromHeaders(req.headers);
    const session = token ? await sessionOfToken(ctx, token) : null;
    if (!session) throw new ParleyError('unauthorized', 'Log in first: the token is missing, revoked or expired.');
    (res.locals as Record<symbol, Session>)[sessionKey] = session;
    next();
  };
}

export function sessionOf(res: Response): Session {
  const session = (res.locals as Record<symbol, Session | undefined>)[sessionKey];
  if (!session) throw new ParleyError('unauthorized', 'Log in first.');
  return session;
}
