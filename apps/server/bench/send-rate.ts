/**
 * Acknowledged room writes per second with 1 and 8 concurrent senders, on PostgreSQL and on
 * PGlite: `npx tsx bench/send-rate.ts [postgres|pglite]`. Each sender is its own user on its own
 * socket, writing to its own peer; "window" is how many sends each keeps in flight (1: it waits
 * for every ack, like a pgbench client; 32: a desktop flushing its queue). Bounded by count and
 * time, 127.0.0.1 only; the database or temp folder it makes is removed at the end.
 */
import { randomUUID } from 'node:crypto';
import type { SendAck } from '@parley/shared';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../src/auth/passwords.js';
import { toId } from '../src/db/client.js';
import { login, migrate, startBenchServer } from './bench-server.js';
import { openPgliteBench, openPostgresBench, type BenchDatabase } from './bench-database.js';
import { guardProcess, runCleanups } from './cleanup.js';
import { connect, type ClientSocket } from './send-loop.js';
import { fixed, median, percentile, table } from './stats.js';
import type { SeedUser } from './seed.js';

const perSenderSends = Number(process.env.PARLEY_BENCH_SENDS ?? 1500);
const runLimitMs = 60_000;

async function insertUser(bench: BenchDatabase, name: string): Promise<SeedUser> {
  const email = `${name}-${randomUUID()}@bench.invalid`;
  const password = `bench-${randomUUID()}`;
  const hash = await hashPassword(password, { logN: 10, r: 8, p: 1 });
  const [row] = await bench.db.rows<{ id: unknown }>(sql`
    insert into users (email, password_hash, first_name, last_name, created_at)
    values (${email}, ${hash}, ${name}, 'Bench', now()) returning id`);
  return { id: toId(row!.id), email, password };
}

interface Pair {
  sender: ClientSocket;
  peerId: number;
}

/** Every sender keeps `window` sends in flight until it has sent `count`; resolves on the last ack. */
function run(pairs: Pair[], count: number, window: number): Promise<{ perSecond: number; p50: number; p99: number }> {
  return new Promise((resolve, reject) => {
    const ackMs: number[] = [];
    const started = performance.now();
    let open = pairs.length;
    const timer = setTimeout(() => reject(new Error(`timed out after ${ackMs.length} acks`)), runLimitMs);
    for (const { sender, peerId } of pairs) {
      let sent = 0;
      let acked = 0;
      const pump = () => {
        while (sent < count && sent - acked < window) {
          const emittedAt = performance.now();
          sent += 1;
          const payload = { chat_type: 'room', other_user_id: peerId, message: `bench ${sent}`, client_id: randomUUID() };
          sender.emit('message', payload, (ack: SendAck) => {
            ackMs.push(performance.now() - emittedAt);
            acked += 1;
            if (!ack.ok) {
              clearTimeout(timer);
              reject(new Error(`refused: ${ack.error.code}`));
              return;
            }
            if (acked === count && --open === 0) {
              clearTimeout(timer);
              const seconds = (performance.now() - started) / 1000;
              resolve({ perSecond: ackMs.length / seconds, p50: median(ackMs), p99: percentile(ackMs, 99) });
            }
            pump();
          });
        }
      };
      pump();
    }
  });
}

async function measure(kind: 'postgres' | 'pglite'): Promise<string[][]> {
  const bench = kind === 'postgres' ? await openPostgresBench() : await openPgliteBench();
  await migrate(bench.db);
  const server = await startBenchServer(bench.db);
  const pairs: Pair[] = [];
  for (let i = 0; i < 8; i += 1) {
    const me = await insertUser(bench, `sender${i}`);
    const peer = await insertUser(bench, `peer${i}`);
    pairs.push({ sender: await connect(server.url, await login(server.url, me)), peerId: peer.id });
  }
  await run(pairs.slice(0, 1), 200, 8); // warm-up: rooms exist, plans are cached
  const rows: string[][] = [];
  for (const senders of [1, 8]) {
    for (const window of [1, 32]) {
      const result = await run(pairs.slice(0, senders), Math.ceil(perSenderSends / Math.sqrt(senders)), window);
      rows.push([bench.label, String(senders), String(window), fixed(result.perSecond, 0), fixed(result.p50), fixed(result.p99)]);
      console.error(rows.at(-1)!.join(' | '));
    }
  }
  for (const { sender } of pairs) sender.disconnect();
  await runCleanups();
  return rows;
}

guardProcess(10 * 60_000);
const kinds = process.argv.slice(2).filter((k): k is 'postgres' | 'pglite' => k === 'postgres' || k === 'pglite');
const rows: string[][] = [];
for (const kind of kinds.length > 0 ? kinds : (['postgres', 'pglite'] as const)) rows.push(...(await measure(kind)));
console.log(table(['database', 'senders', 'window', 'acked writes/s', 'ack p50 ms', 'ack p99 ms'], rows));
process.exit(0);
