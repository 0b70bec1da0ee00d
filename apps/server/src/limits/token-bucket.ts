import { RateLimiterRes } from 'rate-limiter-flexible';
import type { PointLimiter } from './point-limiter.js';

export interface TokenBucketOptions {
  /** The most points a key may spend at once after a quiet spell. */
  capacity: number;
  refillPerSecond: number;
  maxKeys: number;
  /** Milliseconds; tests pass their own. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key: `capacity` tokens, refilled continuously at `refillPerSecond`, one taken
 * per point. rate-limiter-flexible has none (its limiters count fixed windows, and its bursty one
 * is two windows, not a bucket), so this one speaks its interface.
 *
 * Memory: at most `maxKeys` buckets, least recently used dropped first. A dropped bucket comes
 * back full, and a bucket left alone for capacity / refill seconds is full anyway, so dropping
 * the least recently used one forgives nothing unless `maxKeys` keys were all used within that
 * time, and then at most one burst.
 */
export function tokenBucketLimiter(options: TokenBucketOptions): PointLimiter & { readonly size: number } {
  const { capacity, refillPerSecond, maxKeys, now = () => Date.now() } = options;
  // Least recently used first: every touch moves a key to the end.
  const buckets = new Map<string, Bucket>();

  function tokensAt(key: string, at: number): number {
    const bucket = buckets.get(key);
    if (!bucket) return capacity;
    return Math.min(capacity, bucket.tokens + ((at - bucket.at) / 1000) * refillPerSecond);
  }

  function store(key: string, bucket: Bucket): void {
    buckets.delete(key);
    for (const oldest of buckets.keys()) {
      if (buckets.size < maxKeys) break;
      buckets.delete(oldest);
    }
    buckets.set(key, bucket);
  }

  function result(tokens: number): RateLimiterRes {
    const msBeforeNext = tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / refillPerSecond) * 1000);
    return new RateLimiterRes(Math.floor(tokens), msBeforeNext, Math.ceil(capacity - tokens), false);
  }

  return {
    consume(key) {
      const at = now();
      const tokens = tokensAt(key, at);
      if (tokens < 1) {
        store(key, { tokens, at });
        return Promise.reject(result(tokens));
      }
      store(key, { tokens: tokens - 1, at });
      return Promise.resolve(result(tokens - 1));
    },
    get(key) {
      return Promise.resolve(buckets.has(key) ? result(tokensAt(key, now())) : null);
    },
    get size() {
      return buckets.size;
    },
  };
}
