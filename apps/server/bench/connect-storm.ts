import { measured, nodeFor, type Target } from './target.js';
import type { CpuUse } from './cpu-meter.js';

export interface StormResult {
  sockets: number;
  /** How many connected within the limit (all of them, unless the server is too slow). */
  connected: number;
  connectedMs: number;
  /** Until the last presence event of the storm reached any socket. */
  settledMs: number;
  /** Users the first socket heard come online, of `sockets - 1`: a check that presence is whole. */
  heardByFirst: number;
  cpu: CpuUse;
}

const quietMs = 1_000;
const now = () => performance.timeOrigin + performance.now();

/** Splits `items` round-robin over `n` parts. */
export function deal<T>(items: readonly T[], n: number): T[][] {
  const parts: T[][] = Array.from({ length: n }, () => []);
  items.forEach((item, i) => parts[i % n]!.push(item));
  return parts;
}

/**
 * Every user's socket at once, spread over the load processes (the first socket of the first
 * process connects alone first, so it can hear everyone else arrive). Presence is settled once no
 * presence event has arrived anywhere for a second.
 */
export async function connectStorm(target: Target, limitMs: number): Promise<StormResult> {
  const [first, ...rest] = target.users.tokens;
  const [head, ...others] = target.receivers;
  await head!.call('connect', { url: nodeFor(target, 0), tokens: [first], limitMs: 30_000 });
  const parts = deal(rest, target.receivers.length);
  let startedAt = 0;
  let connectedMs = 0;
  let settledAt = 0;
  let heard = 0;
  let connected = 1;
  const { cpu } = await measured(target, async () => {
    startedAt = now();
    const answers = await Promise.all(
      target.receivers.map((worker, i) =>
        worker.call<{ connectMs: number[] }>('connect', { url: nodeFor(target, i), tokens: parts[i], limitMs }, limitMs + 10_000),
      ),
    );
    connectedMs = now() - startedAt;
    connected += answers.reduce((n, a) => n + a.connectMs.length, 0);
    const deadline = performance.now() + limitMs;
    for (;;) {
      const reports = await Promise.all(
        [head!, ...others].map((w) => w.call<{ lastPresenceAt: number; heardOnline: number }>('presence')),
      );
      settledAt = Math.max(...reports.map((r) => r.lastPresenceAt));
      heard = reports[0]!.heardOnline;
      if (now() - settledAt >= quietMs || performance.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  return {
    sockets: target.users.tokens.length,
    connected,
    connectedMs,
    settledMs: Math.max(connectedMs, settledAt - startedAt),
    heardByFirst: heard,
    cpu,
  };
}
