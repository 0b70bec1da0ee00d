import type { CpuUse } from './cpu-meter.js';
import { percentile } from './stats.js';
import { measured, type Target } from './target.js';

export interface FanOutStep {
  offered: number;
  sent: number;
  acked: number;
  delivered: number;
  expected: number;
  deliveriesPerSecond: number;
  ratio: number;
  p50: number;
  p99: number;
  cpu: CpuUse;
}

export interface FanOutOptions {
  /** Groups sent to in turn, and how many load sockets receive each group's messages. */
  groupIds: number[];
  receiversPerGroup: number;
  rates: number[];
  stepMs: number;
  /** Time given to late deliveries after the last send of a step. */
  drainMs: number;
}

let tagCounter = 0;

/** Waits (at most 30 s) until no delivery has arrived for half a second: a backlog is gone. */
async function settle(target: Target): Promise<void> {
  const total = async () =>
    (await Promise.all(target.receivers.map((w) => w.call<{ total: number }>('received')))).reduce((n, r) => n + r.total, 0);
  const deadline = performance.now() + 30_000;
  let last = await total();
  while (performance.now() < deadline) {
    await sleep(500);
    const next = await total();
    if (next === last) return;
    last = next;
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Group messages from one sender socket (its own load process) at each offered rate in turn, for
 * `stepMs`; every receiver records each delivery's latency from the send. A step's delivery ratio
 * is what arrived within its drain time over what should have; deliveries/s run from the first
 * send to the last delivery.
 */
export async function fanOut(target: Target, options: FanOutOptions): Promise<FanOutStep[]> {
  const steps: FanOutStep[] = [];
  const senderToken = target.users.sender.token;
  for (const rate of options.rates) {
    const tag = `s${tagCounter++}`;
    const startedAt = performance.timeOrigin + performance.now();
    const { value, cpu } = await measured(target, async () => {
      const sent = await target.sender.call<{ sent: number; acked: number; sendMs: number }>(
        'send',
        { url: target.url, token: senderToken, groupIds: options.groupIds, rate, durationMs: options.stepMs, tag },
        options.stepMs + 60_000,
      );
      await sleep(options.drainMs);
      const got = await Promise.all(
        target.receivers.map((w) => w.call<{ count: number; latencies: number[]; lastAt: number }>('deliveries', { tag })),
      );
      return { sent, got };
    });
    const delivered = value.got.reduce((n, g) => n + g.count, 0);
    const latencies = value.got.flatMap((g) => g.latencies);
    const lastAt = Math.max(...value.got.map((g) => g.lastAt));
    const expected = value.sent.sent * options.receiversPerGroup;
    const seconds = Math.max(value.sent.sendMs, lastAt - startedAt) / 1000;
    steps.push({
      offered: rate,
      sent: value.sent.sent,
      acked: value.sent.acked,
      delivered,
      expected,
      deliveriesPerSecond: delivered / seconds,
      ratio: expected === 0 ? 0 : delivered / expected,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      cpu,
    });
    console.error(`  ${target.label}: ${rate} msgs/s offered → ${Math.round(delivered / seconds)} deliveries/s, ${((100 * delivered) / expected).toFixed(1)} % delivered`);
    await settle(target);
    // Past saturation the next step only measures a backlog: stop climbing.
    if (delivered / expected < 0.5) break;
  }
  return steps;
}
