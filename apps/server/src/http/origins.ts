import { ParleyError } from '@parley/shared';
import cors from 'cors';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Settings } from '../env.js';
import { requestScheme, type TrustsProxy } from './request-scheme.js';

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The origin the request reached: its Host with the scheme of the connection itself. The same
 * host on another scheme is foreign: an `https` page must not drive a plain-HTTP server.
 */
function ownOrigin(req: IncomingMessage, trustsProxy: TrustsProxy): string | null {
  const host = req.headers.host;
  return host === undefined ? null : originOf(`${requestScheme(req, trustsProxy)}://${host}`);
}

/**
 * Which browser origins may talk to this server: its own (scheme, host and port exactly as the
 * request reached it), PUBLIC_URL and ALLOWED_ORIGINS. A request without Origin is not a
 * browser's cross-site request (the desktop main process, scripts, bots) and is allowed.
 */
export function createOriginPolicy(settings: Settings, trustsProxy: TrustsProxy): (req: IncomingMessage) => boolean {
  const fixed = new Set(settings.allowedOrigins.map(originOf).filter((o): o is string => o !== null));
  return (req) => {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    // PUBLIC_URL is read each time: with PORT=0 it is only known once the server listens.
    if (fixed.has(origin) || origin === originOf(settings.publicUrl)) return true;
    return origin === ownOrigin(req, trustsProxy);
  };
}

/** Refuses foreign origins with 403 before any route runs, then answers CORS for allowed ones. */
export function originGuard(isAllowed: (req: IncomingMessage) => boolean): RequestHandler[] {
  const refuse: RequestHandler = (req, _res, next) => {
    if (!isAllowed(req)) throw new ParleyError('forbidden', 'This origin may not use this server.');
    next();
  };
  const allow = cors({
    origin: true,
    allowedHeaders: ['content-type', 'authentication', 'authorization'],
    exposedHeaders: ['retry-after'],
    maxAge: 600,
  });
  return [refuse, allow];
}
