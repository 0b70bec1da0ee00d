import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchDatabase } from './bench-database.js';
import { onCleanup } from './cleanup.js';
import { cpuBetween, sampleCpu, type CpuUse } from './cpu-meter.js';

/** The database's own rate for the write a send makes: one single-row INSERT per transaction. */
export interface InsertRate {
  clients: number;
  perSecond: number;
  cpu: CpuUse;
}

const table = `create table if not exists bench_insert (
  id bigserial primary key, room_id bigint not null, body text not null, created_at timestamptz not null)`;
const insert = `insert into bench_insert (room_id, body, created_at) values (1, 'a line of ordinary chat text', now());`;

/** pgbench on the same PostgreSQL and database, `clients` connections, for `seconds`. */
export async function pgbenchInserts(bench: BenchDatabase, clients: number, seconds: number, backendPids: () => Promise<number[]>): Promise<InsertRate> {
  await bench.raw(table);
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-pgbench-'));
  onCleanup(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
  const script = join(dir, 'insert.sql');
  await writeFile(script, `${insert}\n`);
  const url = new URL(bench.url!);
  const args = ['-n', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds), '-f', script];
  args.push('-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres'), url.pathname.slice(1));
  const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  onCleanup('stop pgbench', async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const start = sampleCpu([process.pid, child.pid ?? 0]);
  // Backends appear once pgbench has connected; sample them near the end.
  let end = start;
  const sampler = setTimeout(() => {
    void backendPids().then((pids) => (end = sampleCpu([process.pid, child.pid ?? 0, ...pids])));
  }, seconds * 1000 - 200);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(sampler);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
  if (code !== 0 || !tps) throw new Error(`pgbench failed (${code}): ${out.slice(-500)}`);
  return { clients, perSecond: Number(tps[1]), cpu: cpuBetween(start, end) };
}

/** PGlite has no pgbench: the same INSERT in a loop on the one connection, for `seconds`. */
export async function pgliteInserts(bench: BenchDatabase, seconds: number): Promise<InsertRate> {
  await bench.raw(table);
  const start = sampleCpu([process.pid]);
  const until = performance.now() + seconds * 1000;
  let n = 0;
  const begun = performance.now();
  while (performance.now() < until) {
    await bench.raw(insert);
    n += 1;
  }
  const rate = n / ((performance.now() - begun) / 1000);
  return { clients: 1, perSecond: rate, cpu: cpuBetween(start, sampleCpu([process.pid])) };
}
