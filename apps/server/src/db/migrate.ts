import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
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

export async function migrateDatabase(database: Database, migrationsFolder: string): Promise<void> {
  if (database.kind === 'postgres') {
    await migratePostgres(database.orm as unknown as PostgresJsDatabase, { migrationsFolder });
  } else {
    await migratePglite(database.orm as unknown as PgliteDatabase, { migrationsFolder });
  }
}
