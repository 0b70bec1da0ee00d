import type { BenchDatabase } from './bench-database.js';
import { login, migrate, startBenchServer } from './bench-server.js';
import { explainPages, timePages, timePageSql, type PagePlan, type PageTiming, type SqlTiming } from './history-bench.js';
import { profiled } from './history-profile.js';
import { seed, type Seeded } from './seed.js';

export interface HistoryResult {
  label: string;
  seeded: Seeded;
  timings: PageTiming[];
  /** The page query alone on the benchmark's link, in the same run. */
  sql: SqlTiming[];
  plans: PagePlan[];
}

export interface HistoryOptions {
  bigSize: number;
  warmup: number;
  count: number;
  /** `performance.now()` after which the phase gives up. */
  deadline: number;
}

/** Part 1 on one database: migrate, seed, serve, time the three page kinds, explain them. */
export async function runHistoryPhase(bench: BenchDatabase, options: HistoryOptions): Promise<HistoryResult> {
  await migrate(bench.db);
  console.error(`${bench.label}: seeding ${options.bigSize.toLocaleString('en')} + ${options.bigSize / 1000} messages…`);
  const seeded = await seed(bench, options.bigSize);
  console.error(`${bench.label}: seeded in ${(seeded.seedMs / 1000).toFixed(1)} s; timing pages…`);
  const server = await startBenchServer(bench.db);
  try {
    const token = await login(server.url, seeded.me);
    const timings = await profiled(bench.label, () => timePages(bench, server.url, token, seeded, options));
    const sql = await timePageSql(bench, server.url, token, seeded, options);
    const plans = await explainPages(bench, server.url, token, seeded);
    return { label: bench.label, seeded, timings, sql, plans };
  } finally {
    await server.app.close();
  }
}
