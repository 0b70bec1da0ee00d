import { randomBytes } from 'node:crypto';
import { hashPassword } from '../src/auth/passwords.js';
import { toId } from '../src/db/client.js';
import type { BenchDatabase } from './bench-database.js';

/** Cheap scrypt for the seeded accounts: login verifies with the parameters stored in the hash. */
const seedScrypt = { logN: 10, r: 8, p: 1 };

export interface SeedUser {
  id: number;
  email: string;
  password: string;
}

export interface SeededRoom {
  id: number;
  size: number;
  /** The id in the middle of the room's history: the bound of the deep pages. */
  middleId: number;
}

export interface Seeded {
  /** Reader of both rooms; `peer` shares the big room, `third` the small one. */
  me: SeedUser;
  peer: SeedUser;
  third: SeedUser;
  /** Two more people with an empty room of their own: a second, independent conversation. */
  fourth: SeedUser;
  fifth: SeedUser;
  big: SeededRoom;
  small: SeededRoom;
  seedMs: number;
}

const chunkRows = 100_000;

async function insertUser(bench: BenchDatabase, name: string): Promise<SeedUser> {
  const email = `${name.toLowerCase()}-${randomBytes(3).toString('hex')}@bench.invalid`;
  const password = `bench-${randomBytes(8).toString('hex')}`;
  const [row] = await bench.raw(
    `insert into users (email, password_hash, first_name, last_name, created_at)
     values ($1, $2, $3, 'Bench', now()) returning id`,
    [email, await hashPassword(password, seedScrypt), name],
  );
  return { id: toId(row!.id), email, password };
}

async function insertRoom(bench: BenchDatabase, a: number, b: number): Promise<number> {
  const [row] = await bench.raw(
    `insert into chat_rooms (user_low, user_high, created_at) values ($1, $2, now()) returning id`,
    [Math.min(a, b), Math.max(a, b)],
  );
  return toId(row!.id);
}

/**
 * Three users, room `big` (me + peer) with `bigSize` messages and room `small` (me + third) with
 * `bigSize / 1000`, interleaved by id the way two live conversations would be: every 1001st row
 * goes to the small room. Set-based inserts in chunks, then VACUUM and ANALYZE.
 */
export async function seed(bench: BenchDatabase, bigSize: number): Promise<Seeded> {
  const started = performance.now();
  const me = await insertUser(bench, 'Reader');
  const peer = await insertUser(bench, 'Peer');
  const third = await insertUser(bench, 'Third');
  const fourth = await insertUser(bench, 'Fourth');
  const fifth = await insertUser(bench, 'Fifth');
  await insertRoom(bench, fourth.id, fifth.id);
  const bigId = await insertRoom(bench, me.id, peer.id);
  const smallId = await insertRoom(bench, me.id, third.id);
  const stride = 1001;
  const total = bigSize + Math.floor(bigSize / (stride - 1));
  // Foreign-key triggers fire per row and are most of a bulk insert's cost (twice as slow on
  // PGlite); these rows point at the users and rooms just made, so the checks are skipped while
  // seeding. The bench's link is one connection, so the setting stays on it until reset.
  await bench.raw('set session_replication_role = replica');
  try {
    await insertMessages(bench, { total, stride, smallId, bigId, me: me.id, peer: peer.id, third: third.id });
  } finally {
    await bench.raw('reset session_replication_role');
  }
  await bench.raw(
    `update chat_rooms r set last_message_id = (select max(id) from messages m where m.room_id = r.id)`,
  );
  await settleDatabase(bench);
  return {
    me,
    peer,
    third,
    fourth,
    fifth,
    big: await describeRoom(bench, bigId),
    small: await describeRoom(bench, smallId),
    seedMs: performance.now() - started,
  };
}

async function insertMessages(
  bench: BenchDatabase,
  p: { total: number; stride: number; smallId: number; bigId: number; me: number; peer: number; third: number },
): Promise<void> {
  for (let from = 1; from <= p.total; from += chunkRows) {
    const to = Math.min(p.total, from + chunkRows - 1);
    await bench.raw(
      `insert into messages (room_id, sender_id, body, created_at)
       select case when g % $3 = 0 then $4::bigint else $5::bigint end,
              case when g % 2 = 0 then $6::bigint when g % $3 = 0 then $7::bigint else $8::bigint end,
              'Message ' || g || ' of the benchmark conversation, a line of ordinary chat text.',
              now() - interval '30 days' + g * interval '1 second'
       from generate_series($1::int, $2::int) as g`,
      [from, to, p.stride, p.smallId, p.bigId, p.me, p.third, p.peer],
    );
  }
}

async function describeRoom(bench: BenchDatabase, id: number): Promise<SeededRoom> {
  const [count] = await bench.raw('select count(*)::int as n from messages where room_id = $1', [id]);
  const size = Number(count!.n);
  const [middle] = await bench.raw(
    'select id from messages where room_id = $1 order by id offset $2 limit 1',
    [id, Math.floor(size / 2)],
  );
  return { id, size, middleId: toId(middle!.id) };
}

/**
 * Vacuumed as a live table would be: otherwise autovacuum (or the first reads, setting hint bits)
 * works through fresh rows while pages are being timed. On PostgreSQL the writes are then flushed
 * (not by the checkpointer during the timing) and any autovacuum worker is waited for (10 s at
 * most): its CPU would be counted as others' and its I/O would slow the pages.
 */
export async function settleDatabase(bench: BenchDatabase): Promise<void> {
  await bench.raw('vacuum (analyze) messages');
  await bench.raw('analyze');
  if (bench.db.kind !== 'postgres') return;
  await bench.raw('checkpoint');
  const until = performance.now() + 10_000;
  while (performance.now() < until) {
    const [row] = await bench.raw(`select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker'`);
    if (Number(row?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
