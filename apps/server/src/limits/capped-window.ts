import { RateLimiterRes } from 'rate-limiter-flexible';
import type { PointLimiter } from './point-limiter.js';

export interface CappedWindowOptions {
  points: number;
  windowMs: number;
  maxKeys: number;
  /** Milliseconds, read at each call so tests' fake clocks reach it. */
  now?: () => number;
}

/** How many of the oldest windows an eviction looks at for one below its limit. */
const evictionScan = 16;

interface Window {
  count: number;
  endsAt: number;
}

/**
 * A fixed-window counter per key in this process's memory, as rate-limiter-flexible counts them
 * (points taken past the limit still count), holding at most `maxKeys` keys. The library's own
 * memory limiter has no cap, and with a timer and three objects per key it held 100,000 keys in
 * about 70 MB (measured); this one keeps one small object per key.
 *
 * At the cap, opening a window for a new key drops one: of the few windows that began longest
 * ago (the closest to their end: every key shares one window length), the first that has not
 * reached its limit, or the very oldest when all of those have. Nothing is ever refused because
 * the table is full (that would lock out every newcomer). A key at its limit (an address locked
 * after failed logins) is what matters, and it outlives the keys a flood creates: to push it out,
 * a client must first bring every window near the front to its limit too, each costing a full
 * limit of attempts through the per-address limits, and the key pushed out gets only one fresh
 * window, as it would have when its own window ended.
 */
export function cappedWindowLimiter(options: CappedWindowOptions): PointLimiter & { readonly size: number } {
  const { points, windowMs, maxKeys, now = () => Date.now() } = options;
  // In the order the windows began, which is also the order they end.
  const windows = new Map<string, Window>();

  function makeRoom(at: number): void {
    while (windows.size >= maxKeys) {
      let victim: string | undefined;
      let scanned = 0;
      for (const [key, window] of windows) {
        victim ??= key;
        if (window.endsAt <= at || window.count < points) {
          victim = key;
          break;
        }
        if (++scanned >= evictionScan) break;
      }
      if (victim === undefined) return;
      windows.delete(victim);
    }
  }

  const result = (window: Window, at: number) =>
    new RateLimiterRes(Math.max(0, points - window.count), window.endsAt - at, window.count, window.count === 1);

  return {
    consume(key) {
      const at = now();
      let window = windows.get(key);
      if (!window || window.endsAt <= at) {
        windows.delete(key);
        makeRoom(at);
        window = { count: 0, endsAt: at + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return window.count > points ? Promise.reject(result(window, at)) : Promise.resolve(result(window, at));
    },
    get(key) {
      const at = now();
      const window = windows.get(key);
      return Promise.resolve(window && window.endsAt > at ? result(window, at) : null);
    },
    get size() {
      return windows.size;
    },
  };
}
