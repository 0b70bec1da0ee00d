import { ParleyError, rateLimitDefaults, type BucketLimit, type WriteKind } from '@parley/shared';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { cappedWindowLimiter } from '../limits/capped-window.js';
import { clientAddressKey } from '../limits/client-address.js';
import type { PointLimiter } from '../limits/point-limiter.js';
import { tokenBucketLimiter } from '../limits/token-bucket.js';

/**
 * The protocol's rate limits. Counters live in this process's memory, each limiter holding a
 * bounded number of keys; every limiter is a `PointLimiter`, so a shared store can replace the
 * memory ones without touching callers. Client addresses are passed as the connection reports
 * them and counted by `clientAddressKey` (IPv6 by /64).
 */
export interface RateLimits {
  /** One registration attempt for an address from a client address; throws `rate_limited`. */
  registration(email: string, clientAddress: string | undefined): Promise<void>;
  /** One login attempt from a client address, taken before any password is hashed. */
  loginAttempt(clientAddress: string | undefined): Promise<void>;
  /** Throws `rate_limited` while an address has too many failed logins. */
  assertLoginAllowed(email: string): Promise<void>;
  loginFailed(email: string): Promise<void>;
  /** One message for a user, across all of their sockets. */
  message(userId: number): Promise<void>;
  /** One write of a kind for a user, across all of their sessions. */
  write(kind: WriteKind, userId: number): Promise<void>;
}

function limited(msBeforeNext: number): ParleyError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ParleyError('rate_limited', `Too many attempts. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}

const registrationWindowMs = 3600 * 1000;

/**
 * Every refused registration gets this one answer: a wait computed from the address's own window
 * would date the first registration of that address, telling apart one registered minutes ago
 * from one never seen. A window's length is the longest any of them can still run.
 */
const registrationLimited = () =>
  new ParleyError('rate_limited', 'Too many registration attempts. Try again in an hour.', {
    retryAfterSeconds: registrationWindowMs / 1000,
  });

/** Takes a point, turning a refusal into `refusal(msBeforeNext)`. */
async function take(
  limiter: PointLimiter,
  key: string,
  refusal: (msBeforeNext: number) => ParleyError = limited,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw refusal(rejection.msBeforeNext);
    throw rejection;
  }
}

const pass = () => Promise.resolve();
const unlimited: RateLimits = {
  registration: pass,
  loginAttempt: pass,
  assertLoginAllowed: pass,
  loginFailed: pass,
  message: pass,
  write: pass,
};

export function createRateLimits(enabled: boolean, maxKeys: number = rateLimitDefaults.keysPerLimiter): RateLimits {
  if (!enabled) return unlimited;
  const d = rateLimitDefaults;
  const window = (points: number, windowMs: number) => cappedWindowLimiter({ points, windowMs, maxKeys });
  const perEmail = window(d.registrationsPerEmailPerHour, registrationWindowMs);
  const perAddress = window(d.registrationsPerAddressPerHour, registrationWindowMs);
  const loginsPerAddress = window(d.loginsPerAddress, d.loginAddressWindowMs);
  const failedLogins = window(d.failedLoginsPerEmail, d.failedLoginWindowMs);
  const messages = tokenBucketLimiter({ capacity: d.messageBurst, refillPerSecond: d.messagesPerSecondSustained, maxKeys });
  const bucket = ({ burst, perHour }: BucketLimit) =>
    tokenBucketLimiter({ capacity: burst, refillPerSecond: perHour / 3600, maxKeys });
  const writes: Record<WriteKind, PointLimiter> = {
    groupCreate: bucket(d.writes.groupCreate),
    groupRename: bucket(d.writes.groupRename),
    groupPresence: bucket(d.writes.groupPresence),
    markRead: bucket(d.writes.markRead),
  };

  return {
    async registration(email, clientAddress) {
      // The client address first: a client already refused must not reach the per-email counter,
      // or random addresses from it would fill that counter with keys.
      await take(perAddress, clientAddressKey(clientAddress), registrationLimited);
      await take(perEmail, email, registrationLimited);
    },
    loginAttempt: (clientAddress) => take(loginsPerAddress, clientAddressKey(clientAddress)),
    async assertLoginAllowed(email) {
      const state = await failedLogins.get(email);
      if (state && state.consumedPoints >= d.failedLoginsPerEmail) throw limited(state.msBeforeNext);
    },
    async loginFailed(email) {
      await failedLogins.consume(email).catch((rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
      });
    },
    message: (userId) => take(messages, String(userId)),
    write: (kind, userId) => take(writes[kind], String(userId)),
  };
}
