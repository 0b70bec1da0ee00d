import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from './client.js';

/**
 * The committed drizzle-kit migrations: `drizzle/` of this package when run from source, or the
 * copy the bundle script puts next to `dist/main.js`.
 */
export function defaultMigrationsDir(): string {
  const candidates = [new URL('../../drizzle', import.meta.url), new URL('./drizzle', import.meta.url)];
  for (const candidate of candidates) {
    const dir = fileURLToPath(candidate);
    if (existsSync(join(dir, 'meta', '_journal.json'))) return dir;
  }
  return fileURLToPath(candidates[0]!);
}

/**
 * Applies the migrations not applied yet. On PostgreSQL several nodes may start at once: the
 * whole run is one transaction that first takes a transaction-scoped advisory lock, so one node
 * migrates while the others wait, then find nothing left to do. Transaction-scoped, because a
 * session lock behind PgBouncer's transaction pooling could be taken on one server connection
 * and released on another; the lock ends with the transaction whatever happens to the node.
 */
export async function migrateDatabase(database: Database, migrationsFolder: string): Promise<void> {
  if (database.kind === 'postgres') {
    await database.orm.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('parley:migrations'))`);
      // drizzle's migrator takes a database and opens its own transaction on its session; here
      // it gets the transaction, and its transaction becomes a savepoint inside this one.
      const session = {
        execute: (query: SQL) => tx.execute(query),
        all: (query: SQL) => tx.execute(query),
        transaction: <T>(work: (inner: typeof tx) => Promise<T>) => tx.transaction(work),
      };
      await migratePostgres({ dialect: (tx as unknown as { dialect: unknown }).dialect, session } as unknown as PostgresJsDatabase, {
        migrationsFolder,
      });
    });
  } else {
    await migratePglite(database.orm as unknown as PgliteDatabase, { migrationsFolder });
  }
}
