import type { IncomingHttpHeaders } from 'node:http';

/** The token of `authentication: <token>` (the seed's header) or `Authorization: Bearer <token>`. */
export function tokenFromHeaders(headers: IncomingHttpHeaders): string | null {
  const seed = headers.authentication;
  if (typeof seed === 'string' && seed.trim()) return seed.trim();
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match) return match[1]!;
  }
  return null;
}
