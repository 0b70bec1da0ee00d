import { timingSafeEqual } from 'node:crypto';
import { ParleyError } from '@parley/shared';
import type { Request, RequestHandler } from 'express';
import proxyAddr from 'proxy-addr';
import { sendError } from '../http/errors.js';
import type { TrustsProxy } from '../http/request-scheme.js';

export interface MetricsAccessSettings {
  /** A bearer token that opens `/metrics` from anywhere; unset: addresses only. */
  metricsToken: string | undefined;
  /** proxy-addr's notation: `loopback`, addresses, CIDR ranges; empty: the token only. */
  metricsAllowed: string[];
}

function bearerToken(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may read `/metrics`: a holder of METRICS_TOKEN, or a client whose address is in
 * METRICS_ALLOWED (loopback by default). A reverse proxy on the same machine connects from
 * loopback on behalf of the whole internet, so a forwarded request counts by the address its
 * proxy reports, and only when that proxy is trusted (TRUST_PROXY); a forwarded request from an
 * untrusted proxy has no address we can believe and is refused.
 */
export function metricsAccess(settings: MetricsAccessSettings, trustsProxy: TrustsProxy): RequestHandler {
  const allowedAddress = settings.metricsAllowed.length > 0 ? proxyAddr.compile(settings.metricsAllowed) : () => false;
  return (req, res, next) => {
    const token = bearerToken(req);
    if (settings.metricsToken !== undefined && token !== undefined && sameSecret(token, settings.metricsToken)) {
      next();
      return;
    }
    const peer = req.socket.remoteAddress ?? '';
    const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
    const believable = !forwarded || trustsProxy(peer, 0);
    // req.ip is the peer, or with a trusted proxy the client it forwarded for.
    if (believable && req.ip !== undefined && allowedAddress(req.ip, 0)) {
      next();
      return;
    }
    sendError(res, new ParleyError('forbidden', 'Metrics are readable only from the addresses in METRICS_ALLOWED or with METRICS_TOKEN.'));
  };
}
