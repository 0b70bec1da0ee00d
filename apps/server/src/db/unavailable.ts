import { ParleyError } from '@parley/shared';

/** How long a client should wait before retrying while the database is unreachable. */
export const databaseRetryAfterSeconds = 2;

// Errors of the link to the database rather than of the statement: the same request can succeed
// once PostgreSQL is back, so they are `unavailable`, never `internal`.
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // postgres.js: the socket closed or never opened, or the pool was ended.
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * SQLSTATEs of a server that cannot take the statement: class 08 (connection exception),
 * 57P01–57P03 (shutting down, crashed, starting up), 53300 (too many connections).
 */
function isUnavailableState(code: string): boolean {
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

function isUnavailableError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (networkCodes.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isUnavailableState(code)))) {
    return true;
  }
  // PGlite has no error codes for its own state; a closed instance says so in words.
  return error.message === 'PGlite is closed';
}

/** Whether `error`, or any error in its `cause` chain (drizzle wraps driver errors), means the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    if (isUnavailableError(e)) return true;
  }
  return false;
}

export function databaseUnavailable(): ParleyError {
  return new ParleyError('unavailable', 'The database is not reachable right now; nothing was done. Try again shortly.', {
    retryAfterSeconds: databaseRetryAfterSeconds,
  });
}
