import { ParleyError } from '@parley/shared';
import type { Request, RequestHandler, Response } from 'express';
import { sessionOfToken } from '../auth/session-lookups.js';
import type { Session } from '../auth/sessions.queries.js';
import { tokenFromHeaders } from '../auth/token-header.js';
import type { AppContext } from '../context.js';

const sessionKey = Symbol('session');

export function notSignedIn(): ParleyError {
  return new ParleyError('unauthorized', 'Log in first: the token is missing, revoked or expired.');
}

/** Lets a route through only with a live session token, which it then finds with `sessionOf`. */
export function requireAuth(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const token = tokenFromHeaders(req.headers);
    const session = token ? await sessionOfToken(ctx, token) : null;
    if (!session) throw notSignedIn();
    (res.locals as Record<symbol, Session>)[sessionKey] = session;
    next();
  };
}

export function sessionOf(res: Response): Session {
  const session = (res.locals as Record<symbol, Session | undefined>)[sessionKey];
  if (!session) throw new ParleyError('unauthorized', 'Log in first.');
  return session;
}

/**
 * For a route that checks its token in its own statement (`auth/session-with-read.ts`): the
 * request's token, and its input parsed by `parse`. It answers as a `requireAuth` route would,
 * unauthorized before anything else: bad input from a caller who is not signed in is refused as
 * not signed in.
 */
export async function tokenAndInput<T>(ctx: AppContext, req: Request, parse: () => T): Promise<{ token: string; input: T }> {
  const token = tokenFromHeaders(req.headers);
  if (!token) throw notSignedIn();
  try {
    return { token, input: parse() };
  } catch (error) {
    if (!(await sessionOfToken(ctx, token))) throw notSignedIn();
    throw error;
  }
}

/** The session of a token checked apart from its read (a read that needed no statement); refused when there is none. */
export async function signedInSession(ctx: AppContext, token: string): Promise<Session> {
  const session = await sessionOfToken(ctx, token);
  if (!session) throw notSignedIn();
  return session;
}
