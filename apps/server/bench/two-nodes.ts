import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { onCleanup } from './cleanup.js';
import type { CpuUse } from './cpu-meter.js';
import type { FanOutStep } from './fan-out.js';
import type { ScenarioResults } from './side-by-side.js';
import { fixed, table } from './stats.js';
import type { ClusterOptions } from './target.js';

/*
 * The same scenarios on two nodes behind the load (the receiving load processes split over
 * them, the sender on the first), Parley and bare Socket.IO each with the Redis streams adapter:
 * the adapter's own cost shows in bare's column, Parley's in the ratio beside it, and what a
 * second node buys on this machine in the two ÷ one columns.
 */

const redisUrl = process.env.PARLEY_BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A Redis for the cluster runs, with a key prefix of this run's own that the cleanup removes; null when none answers. */
export async function benchCluster(nodes: number): Promise<ClusterOptions | null> {
  const redis = createClient({ url: redisUrl, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch {
    return null;
  }
  const prefix = `parley-bench-${randomBytes(4).toString('hex')}`;
  onCleanup(`delete the Redis keys ${prefix}*`, async () => {
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) if (keys.length > 0) await redis.del(keys);
    await redis.quit();
  });
  return { nodes, redisUrl, prefix };
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : 'n/a');
const cpu = (c: CpuUse | undefined) => (c ? `${fixed(c.othersPercent, 0)} %` : '—');

function best(steps: FanOutStep[]): FanOutStep | undefined {
  return [...steps].sort((a, b) => b.deliveriesPerSecond - a.deliveriesPerSecond)[0];
}

interface Measure {
  name: string;
  /** The figure as shown, and as a rate (higher is better) for the ratios. */
  shown: (r: ScenarioResults) => string;
  rate: (r: ScenarioResults) => number;
  cpu: (r: ScenarioResults) => CpuUse | undefined;
}

const seconds = (ms: number) => `${fixed(ms / 1000)} s`;

function measures(users: number): Measure[] {
  const fan = (pick: (r: ScenarioResults) => FanOutStep[] | undefined, name: string): Measure => ({
    name,
    shown: (r) => {
      const step = best(pick(r) ?? []);
      return step ? `${int(step.deliveriesPerSecond)} (at ${step.offered}, ${fixed(100 * step.ratio, 0)} %)` : '—';
    },
    rate: (r) => best(pick(r) ?? [])?.deliveriesPerSecond ?? Number.NaN,
    cpu: (r) => best(pick(r) ?? [])?.cpu,
  });
  const writes = (senders: number): Measure => ({
    name: `acknowledged writes/s, ${senders} sender(s) (ack p99)`,
    shown: (r) => {
      const w = r.writes?.find((x) => x.senders === senders);
      return w ? `${int(w.perSecond)} (${fixed(w.p99, 1)} ms)` : '—';
    },
    rate: (r) => r.writes?.find((x) => x.senders === senders)?.perSecond ?? Number.NaN,
    cpu: (r) => r.writes?.find((x) => x.senders === senders)?.cpu,
  });
  return [
    fan((r) => r.bigGroup, `fan-out to one ${int(users)}-member group, most deliveries/s`),
    fan((r) => r.smallGroups, `${int(users / 10)} groups × 10, most deliveries/s`),
    {
      name: `${int(users)} sockets connected`,
      shown: (r) => (r.storm ? seconds(r.storm.connectedMs) : '—'),
      rate: (r) => (r.storm ? 1 / r.storm.connectedMs : Number.NaN),
      cpu: (r) => r.storm?.cpu,
    },
    {
      name: `… and presence settled (first socket heard x of ${int(users - 1)})`,
      shown: (r) => (r.storm ? `${seconds(r.storm.settledMs)} (${int(r.storm.heardByFirst)})` : '—'),
      rate: (r) => (r.storm ? 1 / r.storm.settledMs : Number.NaN),
      cpu: () => undefined,
    },
    {
      name: 'group entries (GET /chat_groups/{id}), everyone online',
      shown: (r) =>
        r.entries ? `${seconds(r.entries.elapsedMs)} (p99 ${fixed(r.entries.p99, 1)} ms)${r.entries.failures ? `, ${r.entries.failures} failed` : ''}` : '—',
      rate: (r) => (r.entries ? 1 / r.entries.elapsedMs : Number.NaN),
      cpu: (r) => r.entries?.cpu,
    },
    writes(1),
    writes(8),
  ];
}

export interface NodeRuns {
  bareOne: ScenarioResults;
  bareTwo: ScenarioResults;
  parleyOne: ScenarioResults;
  parleyTwo: ScenarioResults;
}

/** One table: each measure on two nodes, Parley ÷ bare there, and two ÷ one node for each (as speed: above 1 is faster). */
export function twoNodesTable(title: string, runs: NodeRuns): string {
  const { bareOne, bareTwo, parleyOne, parleyTwo } = runs;
  const rows = measures(parleyTwo.users).map((m) => [
    m.name,
    m.shown(bareTwo),
    m.shown(parleyTwo),
    fixed(m.rate(parleyTwo) / m.rate(bareTwo)),
    fixed(m.rate(bareTwo) / m.rate(bareOne)),
    fixed(m.rate(parleyTwo) / m.rate(parleyOne)),
    `${cpu(m.cpu(bareTwo))} / ${cpu(m.cpu(parleyTwo))}`,
  ]);
  return [
    `### ${title}`,
    '',
    table(
      ['measure', 'bare Socket.IO × 2', 'Parley × 2', 'Parley ÷ bare (2 nodes)', 'bare: 2 ÷ 1 node', 'Parley: 2 ÷ 1 node', "others' CPU (bare / Parley)"],
      rows,
    ),
  ].join('\n');
}
