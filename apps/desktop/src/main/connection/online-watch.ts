import type { Timers } from '@parley/shared/client';

/**
 * Polls whether the computer is online and calls `onBack` when the network returns, so a
 * connection waiting out its backoff reconnects at once instead of at its next retry.
 */
export function watchOnline(isOnline: () => boolean, onBack: () => void, timers: Timers, everyMs = 3000): () => void {
  let online = isOnline();
  let handle: unknown = null;
  let stopped = false;
  const tick = () => {
    const now = isOnline();
    if (now && !online) onBack();
    online = now;
    if (!stopped) handle = timers.setTimeout(tick, everyMs);
  };
  handle = timers.setTimeout(tick, everyMs);
  return () => {
    stopped = true;
    timers.clearTimeout(handle);
  };
}
