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
  /** The first node's address: the sender's and the REST reads'. */
  url: string;
  /** Every node's address; load process i uses `urls[i % urls.length]` (`nodeFor`). */
  urls: string[];
  server: BenchChild;
  /** Every server process: one, or each node of a cluster. */
  servers: BenchChild[];
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

/** The node a receiving load process talks to: the load is split evenly over the nodes. */
export function nodeFor(target: Target, receiver: number): string {
  return target.urls[receiver % target.urls.length]!;
}

/** Two or more nodes share one Redis under a prefix of this run's own. */
export interface ClusterOptions {
  nodes: number;
  redisUrl: string;
  prefix: string;
}

function clusterEnv(cluster: ClusterOptions | undefined): Record<string, string> {
  return cluster ? { REDIS_URL: cluster.redisUrl, REDIS_PREFIX: cluster.prefix } : {};
}

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

export async function startBareTarget(users: LoadUsers, cluster?: ClusterOptions): Promise<Target> {
  const count = cluster?.nodes ?? 1;
  const servers = Array.from({ length: count }, (_, i) =>
    startChild('./bare-process.ts', clusterEnv(cluster), `bare Socket.IO server${count > 1 ? ` ${i + 1}` : ''}`, ['--expose-gc']),
  );
  const urls = await Promise.all(servers.map(listening));
  const load = startLoad('bare');
  const pids = [process.pid, ...servers.map((s) => s.pid), load.sender.pid, ...load.receivers.map((r) => r.pid)];
  const label = count > 1 ? `bare Socket.IO × ${count}` : 'bare Socket.IO';
  return { label, url: urls[0]!, urls, server: servers[0]!, servers, ...load, users, pids: () => Promise.resolve(pids) };
}

/**
 * With PARLEY_BENCH_SERVER_PROFILE naming a folder, the server runs under V8's CPU profiler and
 * writes one `.cpuprofile` there when it stops (the whole run; its timeline shows each row).
 */
function profileArgs(): string[] {
  const dir = process.env.PARLEY_BENCH_SERVER_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=500'] : [];
}

/** The real server (src/main.ts) on the bench database, rate limits off, logs at warn; with `cluster`, several nodes. */
export async function startParleyTarget(bench: BenchDatabase, users: LoadUsers, cluster?: ClusterOptions): Promise<Target> {
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
    ...clusterEnv(cluster),
  };
  const count = cluster?.nodes ?? 1;
  const servers = Array.from({ length: count }, (_, i) =>
    startChild('./parley-process.ts', env, `Parley server${count > 1 ? ` ${i + 1}` : ''} (${bench.label})`, ['--expose-gc', ...profileArgs()]),
  );
  const urls = await Promise.all(servers.map(listening));
  const load = startLoad('Parley');
  const own = [process.pid, ...servers.map((s) => s.pid), load.sender.pid, ...load.receivers.map((r) => r.pid)];
  const admin = bench.url ? postgres(bench.url, { max: 1, onnotice: () => undefined }) : undefined;
  if (admin) onCleanup('close the CPU sampler link', () => admin.end({ timeout: 2 }));
  const pids = async () => {
    if (!admin) return own;
    const rows = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database()`;
    return [...own, ...rows.map((r) => r.pid)];
  };
  const label = count > 1 ? `Parley × ${count} on ${bench.label}` : `Parley on ${bench.label}`;
  return { label, url: urls[0]!, urls, server: servers[0]!, servers, ...load, users, pids };
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
  await Promise.all(target.servers.map((server) => server.stop()));
}
