/*
 * Connect storm and group entries, measured from a separate load process:
 *   npx tsx bench/presence-storm.ts            (PostgreSQL; PARLEY_BENCH_DB=pglite for PGlite)
 * 1,000 users (PARLEY_BENCH_USERS) each open one socket; then each enters one group twice.
 * Prints the time until all are connected and until the first socket has seen everyone online,
 * presence packets received in all, and the entries' time and statements per entry. The same
 * socket loop against a bare Socket.IO server gives the floor. Loopback only; cleans up.
 */
import { randomBytes } from 'node:crypto';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hashToken } from '../src/auth/tokens.js';
import { openPgliteBench, openPostgresBench } from './bench-database.js';
import { migrate, startBenchServer } from './bench-server.js';
import { guardProcess, runCleanups } from './cleanup.js';
import { startRawServer } from './raw-server.js';

const users = Number(process.env.PARLEY_BENCH_USERS ?? 1000);

function load(job: { url: string; tokens: string[]; groupId: number | null; presence: boolean }): Promise<Record<string, number>> {
  const child = fork(fileURLToPath(new URL('./presence-load.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.once('message', (result) => resolve(result as Record<string, number>));
    child.once('exit', (code) => reject(new Error(`the load process exited with ${code}`)));
    child.send(job);
  });
}

async function main(): Promise<void> {
  guardProcess(5 * 60_000);
  const bench = process.env.PARLEY_BENCH_DB === 'pglite' ? await openPgliteBench() : await openPostgresBench();
  await migrate(bench.db);
  const tokens = Array.from({ length: users }, () => randomBytes(32).toString('base64url'));
  await bench.raw(
    `insert into users (email, password_hash, first_name, last_name, created_at)
     select 'u' || i || '@bench.invalid', 'x', 'User' || i, 'Bench', now() from generate_series(1, $1::int) i`,
    [users],
  );
  await bench.raw(
    `insert into sessions (token_hash, user_id, created_at, last_used_at)
     select h, u.id, now(), now() from unnest($1::text[]) with ordinality t(h, n) join users u on u.email = 'u' || n || '@bench.invalid'`,
    [tokens.map(hashToken)],
  );
  const [group] = await bench.raw(`insert into chat_groups (name, author_id, created_at) select 'storm', min(id), now() from users returning id`);
  const groupId = Number(group!.id);

  const raw = await startRawServer();
  const bare = await load({ url: raw.url, tokens: tokens.map(() => 'receiver'), groupId: null, presence: false });
  await raw.close();

  const server = await startBenchServer(bench.db);
  const before = bench.log.count;
  const parley = await load({ url: server.url, tokens, groupId, presence: true });
  const statements = bench.log.count - before;
  console.log(`${bench.label}, ${users} users`);
  console.log(`bare Socket.IO: ${users} sockets connected in ${bare.connectedMs!.toFixed(0)} ms`);
  console.log(
    `Parley: connected in ${parley.connectedMs!.toFixed(0)} ms, presence settled at ${parley.settledMs!.toFixed(0)} ms ` +
      `(${(parley.settledMs! / bare.connectedMs!).toFixed(2)}x bare); presence packets received ${parley.packets}, changes ${parley.changes}`,
  );
  console.log(
    `group entries: ${parley.entries} in ${parley.entriesMs!.toFixed(0)} ms (${((parley.entries! / parley.entriesMs!) * 1000).toFixed(0)}/s); ` +
      `statements during the run: ${statements} (${(statements / (users + parley.entries!)).toFixed(2)} per socket + entry)`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => runCleanups().then(() => process.exit()));
