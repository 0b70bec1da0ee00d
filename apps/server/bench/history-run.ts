import { openPgliteBench, openPostgresBench, type BenchDatabase } from './bench-database.js';
import { guardProcess, runCleanups } from './cleanup.js';
import { pageKinds } from './history-bench.js';
import { runHistoryPhase, type HistoryResult } from './history-phase.js';
import { machineLine } from './report.js';
import { fixed, table } from './stats.js';

/**
 * `tsx bench/history-run.ts`: the history part alone, for iterating on the read path and for
 * profiling it (`node --cpu-prof --import tsx bench/history-run.ts`). PARLEY_BENCH_DB picks
 * `postgres`, `pglite` or `both` (default); PARLEY_BENCH_MESSAGES and PARLEY_BENCH_COUNT shrink it.
 */
function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}`);
  return value;
}

const limitMs = 15 * 60_000;

function databases(): (() => Promise<BenchDatabase>)[] {
  const which = process.env.PARLEY_BENCH_DB ?? 'both';
  if (which === 'postgres') return [openPostgresBench];
  if (which === 'pglite') return [openPgliteBench];
  if (which === 'both') return [openPostgresBench, openPgliteBench];
  throw new Error('PARLEY_BENCH_DB must be postgres, pglite or both');
}

function report(result: HistoryResult): string[][] {
  const rows: string[][] = [];
  for (const kind of pageKinds) for (const room of ['big', 'small'] as const) {
    const http = result.timings.find((t) => t.kind === kind && t.room === room)!;
    const sql = result.sql.find((t) => t.kind === kind && t.room === room)!;
    rows.push([
      result.label,
      room === 'big' ? '1M' : '1k',
      kind,
      fixed(http.medianMs),
      fixed(http.p95Ms),
      fixed(http.p99Ms),
      fixed(sql.medianMs),
      fixed(sql.p99Ms),
      fixed(http.medianMs / sql.medianMs, 1),
      fixed(http.statementsPerRequest, 1),
    ]);
  }
  return rows;
}

async function main(): Promise<void> {
  const bigSize = intFromEnv('PARLEY_BENCH_MESSAGES', 1_000_000, 10_000, 10_000_000);
  const count = intFromEnv('PARLEY_BENCH_COUNT', 500, 10, 100_000);
  const deadline = performance.now() + limitMs - 30_000;
  console.log(`${machineLine()} at start`);
  const rows: string[][] = [];
  for (const open of databases()) {
    const bench = await open();
    const result = report(await runHistoryPhase(bench, { bigSize, warmup: 50, count, deadline }));
    console.error(result.map((row) => row.join(' | ')).join('\n'));
    rows.push(...result);
    await runCleanups();
  }
  console.log(`${machineLine()} at end`);
  console.log(`\n${count} sequential requests per cell; SQL: the page query alone on the benchmark's link\n`);
  console.log(
    table(['database', 'room', 'page', 'HTTP p50', 'HTTP p95', 'HTTP p99', 'SQL p50', 'SQL p99', 'HTTP/SQL p50', 'stmts/req'], rows),
  );
}

guardProcess(limitMs);
let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error('history benchmark failed:', error);
  exitCode = 1;
} finally {
  await runCleanups();
}
process.exit(exitCode);
