import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { PointLimiter } from './point-limiter.js';

export interface CappedWindowOptions {
  keyPrefix: string;
  points: number;
  windowMs: number;
  maxKeys: number;
}

/**
 * rate-limiter-flexible's fixed-window memory limiter, holding at most `maxKeys` keys: the library
 * keeps a key until its window ends, so keys that arrive faster than windows end (random email
 * addresses, random IPv6 addresses) would grow it without bound.
 *
 * At the cap, opening a window for a new key first drops windows that have ended, then the window
 * that began longest ago: every key shares one window length, so that is the one closest to its
 * end, the one whose loss forgives the least. Nothing is ever refused because the table is full
 * (that would lock out every newcomer), and what an eviction forgives is bounded: to push a key
 * out, a client must open `maxKeys` newer windows, which the per-address limits in front of these
 * counters make cost `maxKeys / limit` client addresses; the key evicted then gets one fresh
 * window, as it would have when its own window ended.
 */
export function cappedWindowLimiter(options: CappedWindowOptions): PointLimiter & { readonly size: number } {
  const { keyPrefix, points, windowMs, maxKeys } = options;
  const inner = new RateLimiterMemory({ keyPrefix, points, duration: windowMs / 1000 });
  // When each key's window ends, in the order the windows began.
  const windowEnds = new Map<string, number>();

  function makeRoom(now: number): void {
    for (const [key, end] of windowEnds) {
      if (windowEnds.size < maxKeys) return;
      windowEnds.delete(key);
      if (end > now) void inner.delete(key);
    }
  }

  return {
    consume(key) {
      const now = Date.now();
      const end = windowEnds.get(key);
      if (end === undefined || end <= now) {
        windowEnds.delete(key);
        makeRoom(now);
        windowEnds.set(key, now + windowMs);
      }
      return inner.consume(key);
    },
    get: (key) => inner.get(key),
    get size() {
      return windowEnds.size;
    },
  };
}
