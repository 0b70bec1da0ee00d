import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** Whether a peer address is one of TRUST_PROXY's proxies (Express's compiled `trust proxy fn`). */
export type TrustsProxy = (address: string, hop: number) => boolean;

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim().toLowerCase();
}

/**
 * The scheme the request reached the server with: `https` only over TLS, or when the peer is a
 * trusted proxy that says so in X-Forwarded-Proto. Anyone else's header is a claim, not a fact.
 * Works on a bare IncomingMessage, as Express's `req.protocol` does not reach the socket handshake.
 */
export function requestScheme(req: IncomingMessage, trustsProxy: TrustsProxy): 'http' | 'https' {
  const direct = (req.socket as Partial<TLSSocket>).encrypted === true ? 'https' : 'http';
  const peer = req.socket.remoteAddress;
  if (peer === undefined || !trustsProxy(peer, 0)) return direct;
  const forwarded = firstValue(req.headers['x-forwarded-proto']);
  return forwarded === 'http' || forwarded === 'https' ? forwarded : direct;
}
