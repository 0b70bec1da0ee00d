import type { RateLimiterRes } from 'rate-limiter-flexible';

/**
 * The part of rate-limiter-flexible's limiter interface Parley uses: `consume` resolves with the
 * state after taking one point, or rejects with a `RateLimiterRes` when none is left; `get` reads
 * without taking. The library's Redis limiter has this shape, so when several server nodes share
 * their limits it replaces the memory ones here without touching any caller.
 */
export interface PointLimiter {
  consume(key: string): Promise<RateLimiterRes>;
  get(key: string): Promise<RateLimiterRes | null>;
}
