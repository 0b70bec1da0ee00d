import type { EntriesResult } from './group-entries.js';
import type { StormResult } from './connect-storm.js';
import type { CpuUse } from './cpu-meter.js';
import type { FanOutStep } from './fan-out.js';
import type { IdleMemoryResult } from './idle-memory.js';
import type { InsertRate } from './insert-baseline.js';
import type { WritesResult } from './acked-writes.js';
import { fixed, table } from './stats.js';

/** Everything one server was measured at, for one load size (a scenario left out by `--scenarios` is absent). */
export interface ScenarioResults {
  users: number;
  storm?: StormResult;
  idle?: IdleMemoryResult;
  entries?: EntriesResult;
  bigGroup?: FanOutStep[];
  smallGroups?: FanOutStep[];
  writes?: WritesResult[];
  /** 8 senders at a steady offered rate below saturation. */
  paced?: WritesResult;
  /** The bare baseline's `GET /health`, sequentially: HTTP with no framework and no database. */
  httpFloor?: { p50: number; p99: number };
}

export interface DatabaseBaselines {
  inserts: InsertRate[];
  historySql?: { p50: number; p99: number; cpu: CpuUse };
  historyHttp?: { p50: number; p99: number; cpu: CpuUse };
  /** `GET /health` of the same server meanwhile: HTTP alone. */
  historyFloor?: { p50: number; p99: number };
  historySize?: number;
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : 'n/a');
const cpu = (c: CpuUse | undefined) => (c ? `${fixed(c.othersPercent, 0)} %` : '—');
const kb = (bytes: number) => `${fixed(bytes / 1024, 1)} KB`;

function stepCell(step: FanOutStep | undefined): string {
  if (!step) return '—';
  return `${int(step.deliveriesPerSecond)}/s, ${fixed(100 * step.ratio, 1)} %, ${fixed(step.p50, 1)}/${fixed(step.p99, 1)} ms`;
}

function best(steps: FanOutStep[]): FanOutStep | undefined {
  return [...steps].sort((a, b) => b.deliveriesPerSecond - a.deliveriesPerSecond)[0];
}

function keptUp(steps: FanOutStep[]): string {
  const kept = steps.filter((s) => s.ratio >= 0.99).map((s) => s.offered);
  return kept.length > 0 ? `${Math.max(...kept)} msgs/s` : 'none';
}

type Row = [string, string, string, string, string];

function fanRows(name: string, bare: FanOutStep[], parley: FanOutStep[]): Row[] {
  const rates = [...new Set([...bare, ...parley].map((s) => s.offered))].sort((a, b) => a - b);
  const rows: Row[] = rates.map((rate) => {
    const b = bare.find((s) => s.offered === rate);
    const p = parley.find((s) => s.offered === rate);
    const ratio = b && p ? fixed(p.deliveriesPerSecond / b.deliveriesPerSecond) : '—';
    return [`${name}, ${rate} msgs/s offered (deliveries/s, delivered, p50/p99)`, stepCell(b), stepCell(p), ratio, `${cpu(b?.cpu)} / ${cpu(p?.cpu)}`];
  });
  const bb = best(bare);
  const pb = best(parley);
  rows.push([
    `${name}, most deliveries/s`,
    bb ? `${int(bb.deliveriesPerSecond)} (at ${bb.offered})` : '—',
    pb ? `${int(pb.deliveriesPerSecond)} (at ${pb.offered}, ${fixed(100 * pb.ratio, 0)} % delivered)` : '—',
    bb && pb ? fixed(pb.deliveriesPerSecond / bb.deliveriesPerSecond) : '—',
    '',
  ]);
  rows.push([`${name}, highest rate kept up (≥ 99 % delivered)`, keptUp(bare), keptUp(parley), '', '']);
  return rows;
}

/** One table: a row per measure, the baseline, Parley, Parley ÷ baseline, others' CPU in each. */
export function sideBySide(title: string, bare: ScenarioResults, parley: ScenarioResults, db: DatabaseBaselines): string {
  const n = parley.users;
  const times = (a: number, b: number) => `${fixed(b / a, 1)}× slower`;
  const rows: Row[] = [];
  if (bare.bigGroup && parley.bigGroup) rows.push(...fanRows(`fan-out to one ${int(n)}-member group`, bare.bigGroup, parley.bigGroup));
  if (bare.smallGroups && parley.smallGroups) rows.push(...fanRows(`${int(n / 10)} groups × 10`, bare.smallGroups, parley.smallGroups));
  if (bare.storm && parley.storm) {
    rows.push(
      [
        `${int(n)} sockets connected`,
        `${fixed(bare.storm.connectedMs / 1000)} s`,
        `${fixed(parley.storm.connectedMs / 1000)} s${parley.storm.connected < parley.storm.sockets ? ` (only ${int(parley.storm.connected)} connected: limit reached)` : ''}`,
        times(bare.storm.connectedMs, parley.storm.connectedMs),
        `${cpu(bare.storm.cpu)} / ${cpu(parley.storm.cpu)}`,
      ],
      [
        `… and presence settled (first socket heard x of ${int(n - 1)})`,
        `${fixed(bare.storm.settledMs / 1000)} s (${int(bare.storm.heardByFirst)})`,
        `${fixed(parley.storm.settledMs / 1000)} s (${int(parley.storm.heardByFirst)})`,
        times(bare.storm.settledMs, parley.storm.settledMs),
        '',
      ],
    );
  }
  if (bare.entries && parley.entries) {
    rows.push([
      `${int(parley.entries.entries)} group entries (GET /chat_groups/{id}), everyone online, 20 in flight`,
      `${fixed(bare.entries.elapsedMs / 1000)} s (p99 ${fixed(bare.entries.p99, 1)} ms)`,
      `${fixed(parley.entries.elapsedMs / 1000)} s (p99 ${fixed(parley.entries.p99, 1)} ms)${parley.entries.failures ? `, ${parley.entries.failures} failed` : ''}`,
      times(bare.entries.elapsedMs, parley.entries.elapsedMs),
      `${cpu(bare.entries.cpu)} / ${cpu(parley.entries.cpu)}`,
    ]);
  }
  if (bare.idle && parley.idle) {
    rows.push(
      ['idle RSS per authenticated socket', kb(bare.idle.rssPerSocket), kb(parley.idle.rssPerSocket), fixed(parley.idle.rssPerSocket / bare.idle.rssPerSocket), ''],
      ['idle heap per authenticated socket', kb(bare.idle.heapPerSocket), kb(parley.idle.heapPerSocket), fixed(parley.idle.heapPerSocket / bare.idle.heapPerSocket), ''],
    );
  }
  for (const w of parley.writes ?? []) {
    const b = bare.writes?.find((x) => x.senders === w.senders);
    const ins = db.inserts.find((x) => x.clients === w.senders) ?? db.inserts[0];
    rows.push([
      `acknowledged writes/s, ${w.senders} sender(s) (ack p50/p99) vs bare`,
      b ? `${int(b.perSecond)} (${fixed(b.p50, 1)}/${fixed(b.p99, 1)} ms)` : '—',
      `${int(w.perSecond)} (${fixed(w.p50, 1)}/${fixed(w.p99, 1)} ms)`,
      b ? fixed(w.perSecond / b.perSecond) : '—',
      `${cpu(b?.cpu)} / ${cpu(w.cpu)}`,
    ]);
    if (ins) {
      rows.push([
        `… vs the database's single-row INSERT, ${ins.clients} client(s)`,
        `${int(ins.perSecond)}/s`,
        `${int(w.perSecond)}/s`,
        fixed(w.perSecond / ins.perSecond),
        `${cpu(ins.cpu)} / ${cpu(w.cpu)}`,
      ]);
    }
  }
  if (bare.paced && parley.paced) {
    rows.push([
      `ack p50/p99 at ${int(parley.paced.offered ?? 0)} msgs/s offered, 8 senders (below saturation; achieved/s)`,
      `${fixed(bare.paced.p50, 1)}/${fixed(bare.paced.p99, 1)} ms (${int(bare.paced.perSecond)}/s)`,
      `${fixed(parley.paced.p50, 1)}/${fixed(parley.paced.p99, 1)} ms (${int(parley.paced.perSecond)}/s)`,
      `${fixed(parley.paced.p99 / bare.paced.p99, 1)}× (p99)`,
      `${cpu(bare.paced.cpu)} / ${cpu(parley.paced.cpu)}`,
    ]);
  }
  if (db.historySql && db.historyHttp && db.historySize !== undefined) {
    rows.push([
      `100-message history page, ${int(db.historySize)}-message conversation (p50/p99)`,
      `keyset SQL ${fixed(db.historySql.p50, 2)}/${fixed(db.historySql.p99, 2)} ms`,
      `HTTP ${fixed(db.historyHttp.p50, 2)}/${fixed(db.historyHttp.p99, 2)} ms`,
      `${fixed(db.historyHttp.p99 / db.historySql.p99, 1)}× (p99)`,
      `${cpu(db.historySql.cpu)} / ${cpu(db.historyHttp.cpu)}`,
    ]);
    if (db.historyFloor) {
      rows.push([
        '…and GET /health between the pages, on the same server (HTTP alone, p50/p99)',
        bare.httpFloor ? `bare node:http ${fixed(bare.httpFloor.p50, 2)}/${fixed(bare.httpFloor.p99, 2)} ms` : '',
        `HTTP ${fixed(db.historyFloor.p50, 2)}/${fixed(db.historyFloor.p99, 2)} ms`,
        `page − /health: ${fixed(db.historyHttp.p50 - db.historyFloor.p50, 2)} ms (p50)`,
        '',
      ]);
    }
  }
  return [
    `### ${title}`,
    '',
    table(['measure', 'baseline', 'Parley', 'ratio Parley ÷ baseline', "others' CPU (baseline / Parley)"], rows),
  ].join('\n');
}
