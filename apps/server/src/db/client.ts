import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { types as pgliteTypes, type ParserOptions } from '@electric-sql/pglite';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { LosslessPGlite } from './lossless-pglite.js';
import { countPgliteOperations, countPostgresOperations, type OperationCount } from './operation-count.js';
import * as schema from './schema/index.js';

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Where the data lives: a PostgreSQL URL, or PGlite in a folder (or in memory for tests). */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  /** `template`: a `dumpDataDir` tarball to start from instead of an empty cluster (tests). */
  | { kind: 'pglite'; dataDir: string | null; template?: Blob };

/**
 * The database every feature receives: the drizzle query builder, a way to run raw SQL (for the
 * statements the builder cannot say, such as data-modifying CTEs) with rows in one shape on both
 * drivers, and a close.
 */
export interface Database {
  readonly kind: DatabaseTarget['kind'];
  readonly orm: Orm;
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  /**
   * Rows on a link whose statements run one after another in the order they were sent, each
   * sent without waiting for the one before (pipelined on one connection): the message batches,
   * whose ids must rise in the order the batches were cut. A statement with parameters waits
   * for the one before it (postgres.js describes it first), so the batches carry none.
   */
  rowsInOrder<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Connections this process may open at most (PGlite: its one). */
  readonly poolSize: number;
  /** Operations running or waiting for a connection, for the metrics. */
  readonly operations: OperationCount;
  /**
   * PGlite only: a consistent copy of the whole cluster as a gzipped tarball, taken while the
   * server runs (PostgreSQL is copied with pg_dump instead).
   */
  snapshot?(): Promise<Blob>;
  close(): Promise<void>;
}

/** postgres.js connections per process: enough for a busy send path, few enough for a small PostgreSQL. */
export const postgresPoolSize = 10;

/** Timestamps, dates and intervals as text, as drizzle's raw queries on PGlite return them. */
const textTimestamps: ParserOptions = Object.fromEntries(
  [pgliteTypes.TIMESTAMP, pgliteTypes.TIMESTAMPTZ, pgliteTypes.INTERVAL, pgliteTypes.DATE].map((oid) => [oid, (value: string) => value]),
);

/**
 * Seconds before reconnecting after a failed attempt, jittered. postgres.js counts failures
 * across the whole pool and waits up to 20 s, and queries wait with it: after a 3 s PostgreSQL
 * restart requests took 12 s to come back. Capped at one second, the server recovers within one.
 */
function reconnectDelaySeconds(failures: number): number {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** failures, 1);
}

export function openDatabase(target: DatabaseTarget): Database {
  if (target.kind === 'postgres') {
    // `prepare: false`: unnamed statements only. Behind a transaction pooler (PgBouncer) a named
    // statement prepared on one server connection is missing on the next; postgres.js then
    // retries it, and a retried COMMIT runs inside the transaction the failure aborted, where it
    // rolls back and still reports success. Unnamed statements are also planned with their
    // actual parameters every time, which a page query needs (a generic plan walks the primary
    // key of a small room), with no startup parameter a pooler would refuse.
    const options = { prepare: false, backoff: reconnectDelaySeconds, onnotice: () => undefined };
    const client = postgres(target.url, { ...options, max: postgresPoolSize });
    const operations = countPostgresOperations(client);
    const orm = drizzlePostgres(client, { schema });
    // One connection of its own, so its statements keep their order; it reconnects like the pool.
    const orderedClient = postgres(target.url, { ...options, max: 1 });
    const ordered = drizzlePostgres(orderedClient, { schema });
    return {
      kind: 'postgres',
      orm,
      poolSize: postgresPoolSize,
      operations,
      async rows<T extends Record<string, unknown>>(query: SQL) {
        const result = await orm.execute(query);
        return [...result] as T[];
      },
      async rowsInOrder<T extends Record<string, unknown>>(query: SQL) {
        const result = await ordered.execute(query);
        return [...result] as T[];
      },
      close: async () => {
        await Promise.all([client.end({ timeout: 2 }), orderedClient.end({ timeout: 2 })]);
      },
    };
  }
  // A template seeds only a folder that holds no cluster yet; an existing one is opened as it is.
  const seeded = target.dataDir !== null && existsSync(join(target.dataDir, 'PG_VERSION'));
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const client = new LosslessPGlite({
    dataDir: target.dataDir ?? undefined,
    loadDataDir: target.template && !seeded ? target.template : undefined,
  });
  return pgliteDatabase(client);
}

/** The database on a PGlite client (the benchmark wraps its client first, to log statements). */
export function pgliteDatabase(client: LosslessPGlite): Database {
  const operations = countPgliteOperations(client);
  const orm = drizzlePglite(client, { schema });
  const dialect = new PgDialect();
  async function rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]> {
    const { sql: text, params } = dialect.sqlToQuery(query);
    if (params.length > 0) return (await orm.execute(query)).rows as T[];
    // No parameters (the hot statements carry their values as literals): the simple protocol,
    // one call into PGlite where the extended one is five (parse, describe, bind, execute, sync).
    // 1.2 → 0.8 ms for a session lookup. The text is one statement, so its result is the last.
    const results = await client.exec(text, { parsers: textTimestamps });
    return (results.at(-1)?.rows ?? []) as T[];
  }
  // PGlite has one connection, and runs what it is given in the order given.
  return {
    kind: 'pglite',
    orm,
    poolSize: 1,
    operations,
    snapshot: () => snapshotOf(client),
    rows,
    rowsInOrder: rows,
    close: () => client.close(),
  };
}

/**
 * While the copy is read no statement runs (`runExclusive` holds PGlite's query and transaction
 * locks), so it is the cluster as of one instant: opening it replays the write-ahead log up to
 * that instant, as after a power cut, and every committed transaction is in it. The checkpoint
 * just before keeps that replay short.
 */
async function snapshotOf(client: LosslessPGlite): Promise<Blob> {
  await client.exec('checkpoint');
  return client.runExclusive(() => client.dumpDataDir('gzip'));
}

/** Raw rows carry int8 as string (postgres.js) or bigint (PGlite); ids fit a JS number. */
export function toId(value: unknown): number {
  return Number(value);
}

export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}
