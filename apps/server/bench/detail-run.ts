import { openPgliteBench, openPostgresBench } from './bench-database.js';
import { guardProcess, runCleanups } from './cleanup.js';
import { runHistoryPhase, type HistoryResult } from './history-phase.js';
import { historyReport, machineLine, planReport, sendReport } from './report.js';
import { runSendPhase } from './send-phase.js';

/**
 * `npm run bench`: history pages on a 1M-message room against a 1k one, on PostgreSQL and
 * PGlite, then the socket send path against a bare Socket.IO relay. Progress goes to stderr, the
 * report to stdout. PARLEY_BENCH_MESSAGES shrinks the big room for a quick try.
 */
function sizeFromEnv(): number {
  const raw = process.env.PARLEY_BENCH_MESSAGES;
  const size = raw === undefined ? 1_000_000 : Number(raw);
  if (!Number.isInteger(size) || size < 10_000 || size > 10_000_000) {
    throw new Error('PARLEY_BENCH_MESSAGES must be an integer from 10000 to 10000000');
  }
  return size;
}

const limitMs = 15 * 60_000;
const history = { warmup: 20, count: 200 };
const send = { count: 2_000, window: 50, warmup: 200, rounds: 3 };

async function main(): Promise<void> {
  const bigSize = sizeFromEnv();
  const deadline = performance.now() + limitMs - 30_000;
  console.log(`## Parley server benchmark, ${new Date().toISOString()}`);
  console.log('');
  console.log(`${machineLine()} at start`);

  const results: HistoryResult[] = [];
  const postgres = await openPostgresBench();
  const onPostgres = await runHistoryPhase(postgres, { bigSize, ...history, deadline });
  results.push(onPostgres);
  console.error('PostgreSQL 15: send path…');
  const sent = await runSendPhase(postgres, onPostgres.seeded, { ...send, deadline });
  await runCleanups();

  const pglite = await openPgliteBench();
  results.push(await runHistoryPhase(pglite, { bigSize, ...history, deadline }));
  await runCleanups();

  console.log(`${machineLine()} at end`);
  console.log('');
  console.log(historyReport(results, history));
  console.log('');
  console.log(planReport(results));
  console.log('');
  console.log(sendReport(sent, send));
}

guardProcess(limitMs);
// A reader that goes away (`npm run bench | head`) must not skip the cleanup.
process.stdout.on('error', () => undefined);
let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error('benchmark failed:', error);
  exitCode = 1;
} finally {
  await runCleanups();
}
// Stop even if a driver or socket left a handle open.
process.exit(exitCode);
