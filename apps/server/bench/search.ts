import { searchWords } from '@parley/shared';
import { firstPage } from '../src/search/search-cursor.js';
import { searchPage } from '../src/search/search.js';
import { openPostgresBench, type BenchDatabase } from './bench-database.js';
import { migrate } from './bench-server.js';
import { guardProcess, runCleanups } from './cleanup.js';
import { fixed, percentile, table } from './stats.js';

/**
 * The search over a large workspace: `size` messages in 2,000 rooms and 50 groups, written by one
 * INSERT … SELECT generate_series with the indexes dropped and built again afterwards (as a
 * restore would), then each query below timed through the server's own `searchPage` (both
 * sides, the merge and the highlights) for a reader in 40 rooms and 10 groups.
 */
export interface SearchBenchOptions {
  size: number;
  warmup: number;
  count: number;
}

export interface SearchTiming {
  label: string;
  query: string;
  matches: number;
  p50: number;
  p95: number;
}

export interface SearchBenchResult {
  label: string;
  size: number;
  seedMs: number;
  indexMs: number;
  timings: SearchTiming[];
}

const queries: { label: string; query: string }[] = [
  { label: 'rare word', query: 'zephyr' },
  { label: 'word in ~1 % of messages', query: 'kalomi' },
  { label: 'word in ~half the messages', query: 'deploy' },
  { label: 'two words', query: 'kalomi deploy' },
  { label: 'inside words only (full text finds none, then trigrams)', query: 'omika' },
  { label: 'two-letter word start (full text)', query: 'ka' },
  { label: 'no match', query: 'qwxyz' },
];

const rooms = 2_000;
const groups = 50;
const users = 1_000;

/** Six-letter words from ten syllables: 1,000 words, each in about 1 % of messages. */
const syllables = "array['ka','lo','mi','ne','ru','sa','ti','vo','be','da']";
const word = `(${syllables})[1 + floor(random() * 10)::int] || (${syllables})[1 + floor(random() * 10)::int] || (${syllables})[1 + floor(random() * 10)::int]`;

export async function seedWorkspace(bench: BenchDatabase, size: number): Promise<{ me: number; seedMs: number; indexMs: number }> {
  const started = performance.now();
  await bench.raw(`insert into users (email, password_hash, first_name, last_name, created_at)
    select 'search' || i || '@bench.invalid', 'x', 'User' || i, 'Bench', now() from generate_series(1, ${users}) i`);
  const [first] = await bench.raw('select min(id) as id from users');
  const me = Number(first!.id);
  // Rooms: the reader with the next 40 users, then pairs of everyone else.
  await bench.raw(`insert into chat_rooms (user_low, user_high, created_at)
    select ${me}, ${me} + i, now() from generate_series(1, 40) i`);
  await bench.raw(`insert into chat_rooms (user_low, user_high, created_at)
    select ${me} + 41 + (i % 900), ${me} + 41 + (i % 900) + 1 + (i / 900), now()
    from generate_series(0, ${rooms - 41}) i`);
  await bench.raw(`insert into chat_groups (name, author_id, created_at)
    select 'Search group ' || i, ${me} + i, now() from generate_series(1, ${groups}) i`);
  await bench.raw(`insert into group_members (group_id, user_id, joined_at)
    select g.id, ${me} + (g.id % 20) + k, now() from chat_groups g, generate_series(0, 19) k
    on conflict do nothing`);
  await bench.raw(`insert into group_members (group_id, user_id, joined_at)
    select id, ${me}, now() from chat_groups order by id limit 10 on conflict do nothing`);
  const indexes = await bench.raw(`select indexname, indexdef from pg_indexes
    where tablename = 'messages' and indexname not like '%pkey' and indexdef not like '%UNIQUE%'`);
  for (const index of indexes) await bench.raw(`drop index ${String(index.indexname)}`);
  // 70 % room messages, 30 % group ones; eight words each, half of them with "deploy", one in
  // 10,000 with "zephyr"; the room and group ids are spread over every conversation.
  await bench.raw(`
    with r as (select array_agg(id order by id) as ids from chat_rooms),
    g as (select array_agg(id order by id) as ids from chat_groups)
    insert into messages (room_id, group_id, sender_id, body, created_at)
    select
      case when i % 10 < 7 then r.ids[1 + (i::bigint * 7919) % ${rooms}] end,
      case when i % 10 >= 7 then g.ids[1 + (i::bigint * 31) % ${groups}] end,
      ${me},
      ${word} || ' ' || ${word} || ' ' || ${word} || ' ' || ${word} || ' ' || ${word} || ' ' || ${word}
        || case when i % 2 = 0 then ' deploy' else ' ' || ${word} end
        || case when i % 10000 = 0 then ' zephyr' else ' ' || ${word} end,
      now() - (${size} - i) * interval '1 second'
    from generate_series(1, ${size}) i, r, g`);
  const seedMs = performance.now() - started;
  const indexStarted = performance.now();
  if (bench.db.kind === 'postgres') await bench.raw(`set maintenance_work_mem = '256MB'`);
  for (const index of indexes) await bench.raw(String(index.indexdef));
  await bench.raw('analyze');
  return { me, seedMs, indexMs: performance.now() - indexStarted };
}

export async function searchBench(bench: BenchDatabase, options: SearchBenchOptions): Promise<SearchBenchResult> {
  await migrate(bench.db);
  console.error(`${bench.label}: seeding ${options.size.toLocaleString('en')} messages for search…`);
  const { me, seedMs, indexMs } = await seedWorkspace(bench, options.size);
  const reader = { user_id: me, first_name: 'User0', last_name: 'Bench' };
  const timings: SearchTiming[] = [];
  for (const { label, query } of queries) {
    console.error(`${bench.label}: search "${query}"…`);
    const words = searchWords(query);
    const samples: number[] = [];
    let matches = 0;
    for (let i = 0; i < options.warmup + options.count; i++) {
      const started = performance.now();
      const page = await searchPage(bench.db, reader, words, firstPage);
      if (i >= options.warmup) samples.push(performance.now() - started);
      matches = page.results.length;
    }
    timings.push({ label, query, matches, p50: percentile(samples, 50), p95: percentile(samples, 95) });
  }
  return { label: bench.label, size: options.size, seedMs, indexMs, timings };
}

export function searchReport(result: SearchBenchResult, count: number): string {
  return [
    `### Search, ${result.label}, ${result.size.toLocaleString('en')} messages (first page of 20, ${count} queries each)`,
    '',
    `Seeded in ${fixed(result.seedMs / 1000, 1)} s, indexes built in ${fixed(result.indexMs / 1000, 1)} s. Target: p95 ≤ 50 ms.`,
    '',
    table(
      ['query', 'q', 'results on page', 'p50 ms', 'p95 ms'],
      result.timings.map((t) => [t.label, `\`${t.query}\``, String(t.matches), fixed(t.p50), fixed(t.p95)]),
    ),
  ].join('\n');
}

/** `npx tsx bench/search.ts [--quick]`: the search scenario alone, on PostgreSQL. */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const options = quick ? { size: 100_000, warmup: 5, count: 50 } : { size: 1_000_000, warmup: 10, count: 200 };
  const result = await searchBench(await openPostgresBench(), options);
  console.log(searchReport(result, options.count));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  guardProcess(20 * 60_000);
  let exitCode = 0;
  try {
    await main();
  } catch (error) {
    console.error('search benchmark failed:', error);
    exitCode = 1;
  } finally {
    await runCleanups();
  }
  process.exit(exitCode);
}
