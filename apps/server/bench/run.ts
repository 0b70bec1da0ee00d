import { ackedWrites } from './acked-writes.js';
import { openPgliteBench, openPostgresBench, type BenchDatabase } from './bench-database.js';
import { migrate } from './bench-server.js';
import { guardProcess, runCleanups } from './cleanup.js';
import { connectStorm } from './connect-storm.js';
import { sampleCpu, cpuBetween } from './cpu-meter.js';
import { fanOut } from './fan-out.js';
import { filesBench, filesReport } from './files.js';
import { enterGroups } from './group-entries.js';
import { timeHistoryHttp, timeHttpFloor, timeKeysetSql } from './history-sql.js';
import { perSocket, serverMemory } from './idle-memory.js';
import { pgbenchInserts, pgliteInserts } from './insert-baseline.js';
import { bareLoadUsers, seedLoadUsers, sessionFor } from './load-users.js';
import { machineLine } from './report.js';
import { selectedScenarios } from './scenario-filter.js';
import { searchBench, searchReport } from './search.js';
import { seed, settleDatabase } from './seed.js';
import { sideBySide, type DatabaseBaselines, type ScenarioResults } from './side-by-side.js';
import { measured, startBareTarget, startParleyTarget, stopTarget, type ClusterOptions, type Target } from './target.js';
import { benchCluster, twoNodesTable } from './two-nodes.js';

/**
 * `npm run bench [-- --quick]`: bare Socket.IO and the real Parley server side by side, on
 * PostgreSQL 15 and on PGlite, the load in separate processes. Progress to stderr, the tables to
 * stdout. Every process, database and folder it makes is removed at the end, on failure and on
 * Ctrl-C; a watchdog stops it at `limitMs`.
 */
const quick = process.argv.includes('--quick');
/**
 * `--only=postgres` or `--only=pglite`: one database (with its baseline), e.g. under a profiler;
 * `--only=two-nodes`: PostgreSQL on one node and on two (the two-node table needs both).
 */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
if (only !== undefined && only !== 'postgres' && only !== 'pglite' && only !== 'two-nodes') {
  throw new Error('--only takes postgres, pglite or two-nodes');
}

const runs = selectedScenarios(process.argv);

/** `--history-messages=N` / `--history-count=N`: another conversation size or sample count for the history row. */
function intOption(name: string): number | undefined {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} takes a positive integer`);
  return value;
}

const config = quick
  ? {
      limitMs: 8 * 60_000,
      postgresUsers: 300,
      pgliteUsers: 200,
      bigRates: [20, 60, 120],
      smallRates: [200, 600],
      stepMs: 2_000,
      drainMs: 1_000,
      writes: { perSender: 300, window: 32, pacedPerSender: 120 },
      insertSeconds: 2,
      historySize: 50_000,
      history: { warmup: 100, count: 200 },
      search: { size: 100_000, warmup: 5, count: 50 },
    }
  : {
      limitMs: 20 * 60_000,
      postgresUsers: 1_000,
      pgliteUsers: 500,
      bigRates: [20, 40, 60, 90, 120],
      smallRates: [500, 1_000, 2_000, 4_000, 8_000],
      stepMs: 3_000,
      drainMs: 1_500,
      writes: { perSender: 1_000, window: 32, pacedPerSender: 400 },
      insertSeconds: 5,
      historySize: 1_000_000,
      history: { warmup: 300, count: 1_000 },
      search: { size: 1_000_000, warmup: 10, count: 200 },
    };

/** Acknowledged writes offered at a steady 1,000 msgs/s (8 senders): well below either database's saturation. */
const pacedRate = 1_000;

/** A storm that has not connected by then is reported as such, and the run goes on. */
const stormLimitMs = quick ? 45_000 : 90_000;

const historySize = intOption('history-messages') ?? config.historySize;
const historyCount = intOption('history-count') ?? config.history.count;

async function scenarios(target: Target): Promise<ScenarioResults> {
  const users = target.users.ids.length;
  const results: ScenarioResults = { users };
  if (runs.has('storm')) {
    console.error(`${target.label}, ${users} users: connect storm…`);
    const before = await serverMemory(target);
    results.storm = await connectStorm(target, stormLimitMs);
    results.idle = perSocket(before, await serverMemory(target), users);
  }
  if (runs.has('entries')) {
    console.error(`${target.label}: group entries…`);
    results.entries = await enterGroups(target);
  }
  const common = { stepMs: config.stepMs, drainMs: config.drainMs };
  if (runs.has('big-group')) {
    console.error(`${target.label}: fan-out to the big group…`);
    results.bigGroup = await fanOut(target, { ...common, groupIds: [target.users.bigGroup], receiversPerGroup: users, rates: config.bigRates });
  }
  if (runs.has('small-groups')) {
    console.error(`${target.label}: fan-out to the groups of ten…`);
    results.smallGroups = await fanOut(target, { ...common, groupIds: target.users.smallGroups, receiversPerGroup: 10, rates: config.smallRates });
  }
  if (runs.has('writes')) {
    console.error(`${target.label}: acknowledged writes…`);
    await ackedWrites(target, 8, 20, 4); // warm-up: the rooms exist, plans are cached
    const writes = [];
    for (const senders of [1, 8]) writes.push(await ackedWrites(target, senders, Math.ceil(config.writes.perSender / Math.sqrt(senders)), config.writes.window));
    results.writes = writes;
    // Below saturation: what one send waits for its ack at a steady rate the server keeps up with.
    results.paced = await ackedWrites(target, 8, config.writes.pacedPerSender, config.writes.window, pacedRate);
  }
  return results;
}

const bareRuns = new Map<number, ScenarioResults>();

async function bare(users: number, cluster?: ClusterOptions): Promise<ScenarioResults> {
  const known = cluster ? undefined : bareRuns.get(users);
  if (known) return known;
  const target = await startBareTarget(bareLoadUsers(users), cluster);
  try {
    const result = await scenarios(target);
    if (runs.has('history') && !cluster) result.httpFloor = await timeHttpFloor(target.url, config.history.warmup, historyCount);
    if (!cluster) bareRuns.set(users, result);
    return result;
  } finally {
    await stopTarget(target);
  }
}

/** A big conversation seeded, and its keyset page timed straight on the database. */
async function historyBaseline(bench: BenchDatabase) {
  console.error(`${bench.label}: seeding a ${historySize.toLocaleString('en')}-message conversation…`);
  const seeded = await seed(bench, historySize);
  const reader = await sessionFor(bench, seeded.me.id);
  const own = [process.pid];
  const sqlStart = sampleCpu(own);
  const sql = await timeKeysetSql(bench, seeded.big.id, config.history.warmup, historyCount);
  return { reader, conversation: seeded.big.id, size: seeded.big.size, historySql: { ...sql, cpu: cpuBetween(sqlStart, sampleCpu(own)) } };
}

/** Seeds, measures the database's own floor, then runs the real server on it. */
async function onDatabase(bench: BenchDatabase, users: number): Promise<{ results: ScenarioResults; baselines: DatabaseBaselines }> {
  await migrate(bench.db);
  const load = await seedLoadUsers(bench, users);
  const history = runs.has('history') ? await historyBaseline(bench) : undefined;
  const inserts = [];
  if (runs.has('writes')) {
    console.error(`${bench.label}: the database's own INSERT rate…`);
    if (bench.db.kind === 'postgres') {
      const backends = async () =>
        (await bench.raw('select pid from pg_stat_activity where datname = current_database()')).map((r) => Number(r.pid));
      for (const clients of [1, 8]) inserts.push(await pgbenchInserts(bench, clients, config.insertSeconds, backends));
    } else {
      inserts.push(await pgliteInserts(bench, config.insertSeconds));
    }
  }
  // PGlite allows one process: the server opens the folder next.
  if (bench.db.kind !== 'postgres') await bench.db.close();
  const target = await startParleyTarget(bench, load);
  try {
    const results = await scenarios(target);
    const baselines: DatabaseBaselines = { inserts };
    if (history) {
      const { reader, conversation, size, historySql } = history;
      // The scenarios before it wrote to the table: settled again, as after the seed. (PGlite is
      // the server's now, and has no autovacuum.)
      if (bench.db.kind === 'postgres') await settleDatabase(bench);
      const http = await measured(target, () => timeHistoryHttp(target.url, reader, conversation, config.history.warmup, historyCount));
      Object.assign(baselines, { historySql, historyHttp: { ...http.value.page, cpu: http.cpu }, historyFloor: http.value.floor, historySize: size });
    }
    return { results, baselines };
  } finally {
    await stopTarget(target);
  }
}

/** The scenarios on a cluster of Parley nodes on a fresh PostgreSQL database (no baselines of its own: they are the one-node run's). */
async function onCluster(users: number, cluster: ClusterOptions): Promise<ScenarioResults> {
  const bench = await openPostgresBench();
  await migrate(bench.db);
  const load = await seedLoadUsers(bench, users);
  const target = await startParleyTarget(bench, load, cluster);
  try {
    return await scenarios(target);
  } finally {
    await stopTarget(target);
  }
}

async function main(): Promise<void> {
  console.log(`## Parley side-by-side benchmark${quick ? ' (--quick)' : ''}, ${new Date().toISOString()}`);
  console.log('');
  console.log(`${machineLine()} at start`);
  const sections: string[] = [];

  if (only !== 'pglite') {
    const users = config.postgresUsers;
    const pg = await onDatabase(await openPostgresBench(), users);
    await runCleanups();
    const bareOne = await bare(users);
    sections.push(sideBySide(`PostgreSQL 15, ${users.toLocaleString('en')} users`, bareOne, pg.results, pg.baselines));
    if (only === 'two-nodes' || (only !== 'postgres' && runs.has('two-nodes'))) {
      const cluster = await benchCluster(2);
      if (!cluster) {
        sections.push('### Two nodes\n\nskipped: no Redis answered (set PARLEY_BENCH_REDIS_URL)');
      } else {
        const parleyTwo = await onCluster(users, cluster);
        await runCleanups();
        const bareTwo = await bare(users, (await benchCluster(2))!);
        await runCleanups();
        const title = `Two nodes on PostgreSQL 15 and Redis 7 (Redis streams adapter), ${users.toLocaleString('en')} users`;
        sections.push(twoNodesTable(title, { bareOne, bareTwo, parleyOne: pg.results, parleyTwo }));
      }
    }
    if (runs.has('search')) {
      // Search on a workspace of its own, in its own table.
      sections.push(searchReport(await searchBench(await openPostgresBench(), config.search), config.search.count));
      await runCleanups();
    }
  }
  if (only !== 'postgres' && only !== 'two-nodes') {
    const lite = await onDatabase(await openPgliteBench(), config.pgliteUsers);
    await runCleanups();
    sections.push(sideBySide(`PGlite (embedded), ${config.pgliteUsers.toLocaleString('en')} users`, await bare(config.pgliteUsers), lite.results, lite.baselines));
  }

  // Files: a section of its own (one in-process server on PGlite, curl on both sides).
  if (runs.has('files')) {
    console.error('files: upload and download throughput, memory of parallel uploads…');
    sections.push(filesReport(await filesBench(quick ? 3 : 5)));
    await runCleanups();
  }

  console.log(`${machineLine()} at end`);
  console.log('');
  console.log(
    [
      'Parley runs as its own process (src/main.ts) with RATE_LIMITS=off and LOG_LEVEL=warn; the baseline is bare',
      'Socket.IO (same version, no auth, no database, presence coalesced per 250 ms) in its own process; the load is',
      'socket.io-client in three more processes. Ratios are Parley ÷ baseline (for times, how many times slower).',
      "\"others' CPU\" is the share of the whole machine (all cores = 100 %) used during that row by processes that are",
      'not the benchmark, its servers, its load or its PostgreSQL backends: above ~10 % the row was measured on a busy machine.',
    ].join('\n'),
  );
  for (const section of sections) console.log(`\n${section}`);
}

guardProcess(config.limitMs);
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
process.exit(exitCode);
