import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { BenchDatabase } from './bench-database.js';
import { startChild, type BenchChild } from './child-process.js';
import { onCleanup } from './cleanup.js';
import { cpuBetween, sampleCpu, type CpuUse } from './cpu-meter.js';
import type { LoadUsers } from './load-users.js';

/** A server under test, in its own process, with the load processes pointed at it. */
export interface Target {
  label: string;
  url: string;
  server: BenchChild;
  receivers: BenchChild[];
  sender: BenchChild;
  users: LoadUsers;
  /** Every process whose CPU is the benchmark's own (PostgreSQL backends of its database too). */
  pids(): Promise<number[]>;
}

/** Runs `work` and says how busy the machine was meanwhile, and how much of it was not ours. */
export async function measured<T>(target: Target, work: () => Promise<T>): Promise<{ value: T; cpu: CpuUse }> {
  const start = sampleCpu(await target.pids());
  const value = await work();
  return { value, cpu: cpuBetween(start, sampleCpu(await target.pids())) };
}

const receiverCount = 2;

export function startLoad(label: string): { receivers: BenchChild[]; sender: BenchChild } {
  return {
    receivers: Array.from({ length: receiverCount }, (_, i) => startChild('./load-worker.ts', {}, `${label} load ${i + 1}`)),
    sender: startChild('./load-worker.ts', {}, `${label} sender`),
  };
}

async function listening(child: BenchChild): Promise<string> {
  const { port } = await child.once<{ port: number }>('listening', 120_000);
  return `http://127.0.0.1:${port}`;
}

export async function startBareTarget(users: LoadUsers): Promise<Target> {
  const server = startChild('./bare-process.ts', {}, 'bare Socket.IO server', ['--expose-gc']);
  const url = await listening(server);
  const load = startLoad('bare');
  const pids = [process.pid, server.pid, load.sender.pid, ...load.receivers.map((r) => r.pid)];
  return { label: 'bare Socket.IO', url, server, ...load, users, pids: () => Promise.resolve(pids) };
}

/**
 * With PARLEY_BENCH_SERVER_PROFILE naming a folder, the server runs under V8's CPU profiler and
 * writes one `.cpuprofile` there when it stops (the whole run; its timeline shows each row).
 */
function profileArgs(): string[] {
  const dir = process.env.PARLEY_BENCH_SERVER_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=500'] : [];
}

/** The real server (src/main.ts) on the bench database, rate limits off, logs at warn. */
export async function startParleyTarget(bench: BenchDatabase, users: LoadUsers): Promise<Target> {
  const scratch = await mkdtemp(join(tmpdir(), 'parley-bench-server-'));
  onCleanup(`remove ${scratch}`, () => rm(scratch, { recursive: true, force: true }));
  const env: Record<string, string> = {
    PARLEY_DOTENV: 'off',
    RATE_LIMITS: 'off',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATA_DIR: bench.dataDir ?? scratch,
    DATABASE_URL: bench.url ?? '',
    WEB_CLIENT_DIR: join(scratch, 'no-web-client'),
    BOT_API_URL: '',
  };
  const server = startChild('./parley-process.ts', env, `Parley server (${bench.label})`, ['--expose-gc', ...profileArgs()]);
  const url = await listening(server);
  const load = startLoad('Parley');
  const own = [process.pid, server.pid, load.sender.pid, ...load.receivers.map((r) => r.pid)];
  const admin = bench.url ? postgres(bench.url, { max: 1, onnotice: () => undefined }) : undefined;
  if (admin) onCleanup('close the CPU sampler link', () => admin.end({ timeout: 2 }));
  const pids = async () => {
    if (!admin) return own;
    const rows = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database()`;
    return [...own, ...rows.map((r) => r.pid)];
  };
  return { label: `Parley on ${bench.label}`, url, server, ...load, users, pids };
}

/**
 * The load leaves first and the server gets a moment to handle the disconnects, so the server
 * is stopped idle, as an operator would, rather than in the middle of a thousand departures.
 */
export async function stopTarget(target: Target): Promise<void> {
  const load = [target.sender, ...target.receivers];
  await Promise.allSettled(load.map((c) => c.call('close', {}, 10_000)));
  await Promise.all(load.map((c) => c.stop()));
  await new Promise((r) => setTimeout(r, 2_000));
  await target.server.stop();
}
