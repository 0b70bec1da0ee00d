import { ParleyError, rateLimitDefaults } from '@parley/shared';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * The protocol's rate limits. Counters live in this process's memory: a deployment of several
 * processes behind a balancer with sticky sessions keeps each user on one of them; a shared
 * store (rate-limiter-flexible has several) can replace the memory one without touching callers.
 */
export interface RateLimits {
  /** One registration attempt for an address and a client address; throws `rate_limited`. */
  registration(email: string, clientAddress: string): Promise<void>;
  /** Throws `rate_limited` while an address has too many failed logins. */
  assertLoginAllowed(email: string): Promise<void>;
  loginFailed(email: string): Promise<void>;
  /** One message for a user, across all of their sockets. */
  message(userId: number): Promise<void>;
}

function limited(msBeforeNext: number): ParleyError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ParleyError('rate_limited', `Too many attempts. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}

async function consume(limiter: { consume(key: string): Promise<RateLimiterRes> }, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw limited(rejection.msBeforeNext);
    throw rejection;
  }
}

export function createRateLimits(enabled: boolean): RateLimits {
  if (!enabled) {
    const pass = () => Promise.resolve();
    return { registration: pass, assertLoginAllowed: pass, loginFailed: pass, message: pass };
  }
  const d = rateLimitDefaults;
  const perEmail = new RateLimiterMemory({ keyPrefix: 'reg-email', points: d.registrationsPerEmailPerHour, duration: 3600 });
  const perAddress = new RateLimiterMemory({ keyPrefix: 'reg-addr', points: d.registrationsPerAddressPerHour, duration: 3600 });
  const failedLogins = new RateLimiterMemory({
    keyPrefix: 'login-fail',
    points: d.failedLoginsPerEmail,
    duration: d.failedLoginWindowMs / 1000,
  });
  // A token bucket in two parts: 5 a second sustained, plus a reserve that lets a burst reach 20
  // in one second and refills slowly, so the long-run rate stays near 5 a second.
  const messages = new BurstyRateLimiter(
    new RateLimiterMemory({ keyPrefix: 'msg', points: d.messagesPerSecondSustained, duration: 1 }),
    new RateLimiterMemory({
      keyPrefix: 'msg-burst',
      points: d.messageBurst - d.messagesPerSecondSustained,
      duration: 60,
    }),
  );
  return {
    async registration(email, clientAddress) {
      // Both counters move on every attempt, so a 429 says nothing about the address.
      const results = await Promise.allSettled([consume(perEmail, email), consume(perAddress, clientAddress)]);
      for (const result of results) if (result.status === 'rejected') throw result.reason;
    },
    async assertLoginAllowed(email) {
      const state = await failedLogins.get(email);
      if (state && state.consumedPoints >= d.failedLoginsPerEmail) throw limited(state.msBeforeNext);
    },
    async loginFailed(email) {
      await failedLogins.consume(email).catch((rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
      });
    },
    message: (userId) => consume(messages, String(userId)),
  };
}
