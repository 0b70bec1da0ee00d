import { ParleyError } from '@parley/shared';
import type { RequestHandler } from 'express';
import proxyAddr from 'proxy-addr';
import { sendError } from '../http/errors.js';

const isLoopback = proxyAddr.compile('loopback');

/**
 * Lets through only a request made on this machine straight to the server: a loopback peer
 * that forwards for nobody. A reverse proxy on the same machine connects from loopback too, so
 * any forwarding header refuses the request, whatever TRUST_PROXY says: a copy of the whole
 * database is never reachable through the public address.
 */
export const loopbackOnly: RequestHandler = (req, res, next) => {
  const peer = req.socket.remoteAddress ?? '';
  const forwarded =
    req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined;
  if (!forwarded && isLoopback(peer, 0)) {
    next();
    return;
  }
  sendError(res, new ParleyError('forbidden', 'Backups are served only to a direct connection from this machine.'));
};
