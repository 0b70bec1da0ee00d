import { cpus, loadavg } from 'node:os';
import type { HistoryResult } from './history-phase.js';
import type { PageKind } from './history-bench.js';
import type { SendResult } from './send-phase.js';
import { fixed, table } from './stats.js';

const pageLabels: Record<PageKind, string> = {
  latest: 'latest page',
  until: 'deep page (?until=middle)',
  after: 'catch-up (?after=middle)',
};

export function machineLine(): string {
  const [one, five] = loadavg();
  return `machine: ${cpus().length} cores, Node ${process.version}, load average ${fixed(one ?? 0)} (1 min) / ${fixed(five ?? 0)} (5 min)`;
}

function count(n: number): string {
  return n.toLocaleString('en');
}

export function historyReport(results: readonly HistoryResult[], options: { count: number; warmup: number }): string {
  const rows: string[][] = [];
  for (const result of results) {
    for (const kind of ['latest', 'until', 'after'] as const) {
      const big = result.timings.find((t) => t.kind === kind && t.room === 'big')!;
      const small = result.timings.find((t) => t.kind === kind && t.room === 'small')!;
      rows.push([
        result.label,
        pageLabels[kind],
        fixed(big.medianMs),
        fixed(big.p95Ms),
        fixed(small.medianMs),
        fixed(small.p95Ms),
        fixed(big.medianMs / small.medianMs),
        fixed(big.p95Ms / small.p95Ms),
        fixed(big.statementsPerRequest, 1),
      ]);
    }
  }
  const first = results[0]?.seeded;
  const seedLines = results.map(
    (r) =>
      `- ${r.label}: ${count(r.seeded.big.size)} + ${count(r.seeded.small.size)} messages seeded (set-based) and analyzed in ${fixed(r.seeded.seedMs / 1000, 1)} s`,
  );
  return [
    `### 1. History page over HTTP: GET /chat_rooms/{id}, ${options.count} sequential requests per cell after ${options.warmup} warm-up, 100 messages a page`,
    '',
    `Rooms: "1M" holds ${first ? count(first.big.size) : '?'} messages, "1k" holds ${first ? count(first.small.size) : '?'}, interleaved in one table. Times are request to last body byte, in ms.`,
    '',
    table(
      ['database', 'page', '1M median', '1M p95', '1k median', '1k p95', 'ratio 1M/1k median', 'ratio 1M/1k p95', 'DB stmts/request'],
      rows,
    ),
    '',
    ...seedLines,
  ].join('\n');
}

export function planReport(results: readonly HistoryResult[]): string {
  const rows: string[][] = [];
  for (const result of results) {
    for (const plan of result.plans) {
      rows.push([
        result.label,
        plan.room === 'big' ? '1M' : '1k',
        pageLabels[plan.kind],
        plan.plan === 'custom' ? 'custom (as sent)' : 'generic (if prepared)',
        plan.scan,
        fixed(plan.executionMs, 3),
      ]);
    }
  }
  const firstLines = results.flatMap((result) =>
    result.plans
      .filter((plan) => plan.room === 'big' && plan.plan === 'custom')
      .map((plan) => `- ${result.label}, 1M room, ${pageLabels[plan.kind]}: \`${plan.firstLine}\``),
  );
  return [
    '### EXPLAIN (ANALYZE, BUFFERS) of the page query exactly as the server sent it',
    '',
    table(['database', 'room', 'page', 'plan', 'scan of messages', 'execution ms'], rows),
    '',
    'First plan line, 1M room:',
    ...firstLines,
  ].join('\n');
}

export function sendReport(result: SendResult, options: { count: number; window: number }): string {
  const row = (name: string, runs: SendResult['parley'], rate: number) => [
    name,
    runs.map((run) => fixed(run.perSecond, 0)).join(', '),
    fixed(rate, 0),
    fixed(runs.map((r) => r.ackMedianMs).sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? Number.NaN),
    fixed(runs.map((r) => r.ackP95Ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? Number.NaN),
  ];
  return [
    `### 2. Send path: ${count(options.count)} room messages per run with acks, ${options.window} in flight, until every ack and every receiver echo arrived`,
    '',
    table(
      ['server', 'runs (msg/s)', 'median msg/s', 'ack median ms', 'ack p95 ms'],
      [
        row('Parley on PostgreSQL', result.parley, result.parleyMedianRate),
        row('Parley, same load over 2 rooms', result.twoRooms, result.twoRoomsMedianRate),
        row('raw Socket.IO relay (no DB)', result.raw, result.rawMedianRate),
        ...(result.asyncCommit.length > 0
          ? [row('diagnostic: Parley, synchronous_commit=off', result.asyncCommit, result.asyncCommitMedianRate)]
          : []),
      ],
    ),
    '',
    `- ratio Parley/raw (median rates): ${fixed(result.parleyMedianRate / result.rawMedianRate)}`,
    `- ratio 2 rooms / 1 room (Parley): ${fixed(result.twoRoomsMedianRate / result.parleyMedianRate)}: above 1 when sends to one room queue behind each other`,
    `- DB statements per message sent (counted at the driver): ${fixed(result.statementsPerMessage)}`,
    `- server connections during Parley's runs (pg_stat_activity, ${result.locks.samples} samples): ${fixed(result.locks.meanActive, 1)} active on average, ${fixed(result.locks.meanWaitingOnLock, 1)} of them waiting on a lock`,
    ...(result.asyncCommit.length > 0
      ? [
          `- diagnostic ratio (synchronous_commit=off)/Parley: ${fixed(result.asyncCommitMedianRate / result.parleyMedianRate)}: how much of a send is waiting for the commit to reach disk`,
        ]
      : []),
  ].join('\n');
}
