import { ParleyError, rateLimitDefaults, type BucketLimit, type WriteKind } from '@parley/shared';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RedisClient } from '../cluster/redis.js';
import { cappedWindowLimiter } from '../limits/capped-window.js';
import { clientAddressKey } from '../limits/client-address.js';
import type { PointLimiter } from '../limits/point-limiter.js';
import { redisTokenBucketLimiter } from '../limits/redis-token-bucket.js';
import { tokenBucketLimiter } from '../limits/token-bucket.js';

/**
 * The protocol's rate limits. Counters live in this process's memory, each limiter holding a
 * bounded number of keys, or, when several nodes share a Redis, in Redis (`shared`): windows in
 * rate-limiter-flexible's Redis limiter, buckets in a script of ours; every limiter is a
 * `PointLimiter`, so callers do not know which. Client addresses are passed as the connection reports
 * them and counted by `clientAddressKey` (IPv6 by /64).
 */
export interface RateLimits {
  /** One registration attempt for an address from a client address; throws `rate_limited`. */
  registration(email: string, clientAddress: string | undefined): Promise<void>;
  /** One `POST /password_reset` for an address from a client address, apart from registration. */
  passwordReset(email: string, clientAddress: string | undefined): Promise<void>;
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

/** The same reasoning for reset links: one answer, whether the address has an account or not. */
const passwordResetLimited = () =>
  new ParleyError('rate_limited', 'Too many password reset requests. Try again in an hour.', {
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
  passwordReset: pass,
  loginAttempt: pass,
  assertLoginAllowed: pass,
  loginFailed: pass,
  message: pass,
  write: pass,
};

/** Where counters live when several nodes share them. */
export interface SharedLimitStore {
  redis: RedisClient;
  prefix: string;
}

/**
 * A fixed window in Redis. While Redis is unreachable each node counts in its own memory (the
 * library's insurance limiter) rather than refusing everyone or letting everything through; its
 * keys are those of one outage, kept no longer than a window.
 */
function redisWindow(store: SharedLimitStore, name: string, points: number, windowMs: number): PointLimiter {
  const duration = Math.ceil(windowMs / 1000);
  return new RateLimiterRedis({
    storeClient: store.redis,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    keyPrefix: `${store.prefix}:rl:${name}`,
    points,
    duration,
    insuranceLimiter: new RateLimiterMemory({ points, duration }),
  });
}

export function createRateLimits(
  enabled: boolean,
  maxKeys: number = rateLimitDefaults.keysPerLimiter,
  shared?: SharedLimitStore,
): RateLimits {
  if (!enabled) return unlimited;
  const d = rateLimitDefaults;
  const window = (name: string, points: number, windowMs: number) =>
    shared ? redisWindow(shared, name, points, windowMs) : cappedWindowLimiter({ points, windowMs, maxKeys });
  const perEmail = window('registrationEmail', d.registrationsPerEmailPerHour, registrationWindowMs);
  const perAddress = window('registrationAddress', d.registrationsPerAddressPerHour, registrationWindowMs);
  const resetsPerEmail = window('passwordResetEmail', d.passwordResetsPerEmailPerHour, registrationWindowMs);
  const resetsPerAddress = window('passwordResetAddress', d.passwordResetsPerAddressPerHour, registrationWindowMs);
  const loginsPerAddress = window('loginAddress', d.loginsPerAddress, d.loginAddressWindowMs);
  const failedLogins = window('failedLogins', d.failedLoginsPerEmail, d.failedLoginWindowMs);
  const tokens = (name: string, capacity: number, refillPerSecond: number) =>
    shared
      ? redisTokenBucketLimiter(
          shared.redis,
          { capacity, refillPerSecond, prefix: `${shared.prefix}:rl:${name}` },
          tokenBucketLimiter({ capacity, refillPerSecond, maxKeys }),
        )
      : tokenBucketLimiter({ capacity, refillPerSecond, maxKeys });
  const messages = tokens('messages', d.messageBurst, d.messagesPerSecondSustained);
  const bucket = (name: string, { burst, perHour }: BucketLimit) => tokens(name, burst, perHour / 3600);
  const writes: Record<WriteKind, PointLimiter> = {
    groupCreate: bucket('groupCreate', d.writes.groupCreate),
    groupRename: bucket('groupRename', d.writes.groupRename),
    groupPresence: bucket('groupPresence', d.writes.groupPresence),
    markRead: bucket('markRead', d.writes.markRead),
    typing: bucket('typing', d.writes.typing),
    profileUpdate: bucket('profileUpdate', d.writes.profileUpdate),
    fileUpload: bucket('fileUpload', d.writes.fileUpload),
    search: bucket('search', d.writes.search),
  };

  return {
    async registration(email, clientAddress) {
      // The client address first: a client already refused must not reach the per-email counter,
      // or random addresses from it would fill that counter with keys.
      await take(perAddress, clientAddressKey(clientAddress), registrationLimited);
      await take(perEmail, email, registrationLimited);
    },
    async passwordReset(email, clientAddress) {
      await take(resetsPerAddress, clientAddressKey(clientAddress), passwordResetLimited);
      await take(resetsPerEmail, email, passwordResetLimited);
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
