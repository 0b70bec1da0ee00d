import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { pgliteDatabase, type Database } from '../src/db/client.js';
import { LosslessPGlite } from '../src/db/lossless-pglite.js';
import { countPostgresOperations } from '../src/db/operation-count.js';
import * as schema from '../src/db/schema/index.js';
import { onCleanup } from './cleanup.js';

const adminUrl = process.env.PARLEY_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Statement {
  text: string;
  params: unknown[];
}

/**
 * Counts every statement the server sends, and keeps the last few when asked: how the benchmark
 * tells DB round trips per request and finds the exact page query to EXPLAIN.
 */
export class StatementLog {
  count = 0;
  capturing = false;
  readonly captured: Statement[] = [];

  record(text: string, params: readonly unknown[]): void {
    this.count += 1;
    if (this.capturing && this.captured.length < 50) this.captured.push({ text, params: [...params] });
  }
}

/** The server's `Database`, plus what the benchmark needs underneath it. */
export interface BenchDatabase {
  readonly label: string;
  readonly db: Database;
  readonly log: StatementLog;
  /** Runs one statement outside the server's view (not counted), rows as objects. */
  raw(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /**
   * PostgreSQL only: another pool on the same database whose connections start with these
   * settings (e.g. `synchronous_commit: 'off'`), to explain a figure, never as the real setup.
   */
  withSettings?(settings: Record<string, string>): Database;
  /** PostgreSQL: the database's URL and name, for a server process or pgbench of its own. */
  url?: string;
  name?: string;
  /** PGlite: the folder to give a server process as DATA_DIR (the database is `<it>/db`). */
  dataDir?: string;
}

/**
 * The same drivers and pool size as `openDatabase` in src/db/client.ts, built here because that
 * function does not expose a hook to count statements. Keep the two in step.
 */
export async function openPostgresBench(): Promise<BenchDatabase> {
  const name = `parley_bench_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  onCleanup(`drop database ${name}`, async () => {
    const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
    try {
      await sql.unsafe(`drop database if exists ${name} with (force)`);
    } finally {
      await sql.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const log = new StatementLog();
  const pool = (settings: Record<string, string>): Database => {
    const open = (max: number) => {
      const client = postgres(url.toString(), {
        max,
        prepare: false,
        onnotice: () => undefined,
        connection: settings,
        debug: (_connection, query, parameters) => log.record(query, parameters as unknown[]),
      });
      onCleanup(`close a pool on ${name}`, () => client.end({ timeout: 2 }));
      return { client, orm: drizzlePostgres(client, { schema }) };
    };
    // Like the server's: a pool, and one connection for the statements that keep their order.
    const main = open(10);
    const operations = countPostgresOperations(main.client);
    const ordered = open(1);
    return {
      kind: 'postgres',
      orm: main.orm,
      poolSize: 10,
      operations,
      async rows<T extends Record<string, unknown>>(query: Parameters<Database['rows']>[0]) {
        return [...(await main.orm.execute(query))] as T[];
      },
      async rowsInOrder<T extends Record<string, unknown>>(query: Parameters<Database['rows']>[0]) {
        return [...(await ordered.orm.execute(query))] as T[];
      },
      close: async () => {
        await Promise.all([main.client.end({ timeout: 2 }), ordered.client.end({ timeout: 2 })]);
      },
    };
  };
  const db = pool({});
  const raw = postgres(url.toString(), { max: 1, prepare: false, onnotice: () => undefined });
  onCleanup(`close admin link to ${name}`, () => raw.end({ timeout: 2 }));
  return {
    label: 'PostgreSQL 15',
    db,
    log,
    raw: async (text, params = []) => [...(await raw.unsafe(text, params as never[]))] as Record<string, unknown>[],
    withSettings: pool,
    url: url.toString(),
    name,
  };
}

/** PGlite in a fresh temp folder (on disk, like `DATA_DIR`), removed at the end. */
export async function openPgliteBench(): Promise<BenchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-'));
  onCleanup(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
  // The server's own PGlite class: the same extensions (pg_trgm) and the same result decoding.
  const client = new LosslessPGlite({ dataDir: join(dir, 'db') });
  onCleanup('close PGlite', async () => {
    if (!client.closed) await client.close();
  });
  const log = new StatementLog();
  // PGlite has no query hook: the server's statements go through `query` (with parameters) or
  // `exec` (without, `src/db/client.ts`), and both are logged on their way in.
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  client.query = ((text: string, params?: unknown[], options?: Parameters<typeof query>[2]) => {
    log.record(text, params ?? []);
    return query(text, params, options);
  }) as typeof client.query;
  client.exec = ((text: string, options?: Parameters<typeof exec>[1]) => {
    log.record(text, []);
    return exec(text, options);
  }) as typeof client.exec;
  const db = pgliteDatabase(client);
  return {
    label: 'PGlite (embedded)',
    db,
    log,
    // As the server sends it: without parameters by the simple protocol (the baseline INSERT too).
    raw: async (text, params = []) =>
      params.length > 0 ? (await query<Record<string, unknown>>(text, params)).rows : ((await exec(text)).at(-1)?.rows ?? []),
    dataDir: dir,
  };
}
