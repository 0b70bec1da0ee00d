export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** 0.2 spreads each delay over ±20 %, so clients cut off together do not return together. */
  jitter: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1000, maxMs: 30_000, jitter: 0.2 };

/** Delay before reconnect attempt `attempt` (1-based): doubling from `baseMs`, capped, jittered. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponential = policy.baseMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxMs, exponential);
  const spread = 1 - policy.jitter + 2 * policy.jitter * random();
  return Math.round(Math.min(policy.maxMs, capped * spread));
}
