import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { inject } from 'vitest';
import type { DatabaseTarget } from '../../src/db/client.js';

/** Which database the current vitest project runs on. */
export const testDatabaseKind: 'pglite' | 'postgres' = process.env.PARLEY_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

const adminUrl = process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database: PGlite in memory (or in `dataDir`, to survive a restart), or a
 * PostgreSQL database of its own that `drop` removes after disconnecting everyone from it.
 */
export async function createTestDatabase(options: { dataDir?: string } = {}): Promise<TestDatabase> {
  if (testDatabaseKind === 'pglite') {
    const template = new Blob([await readFile(inject('pgliteTemplate'))]);
    return { target: { kind: 'pglite', dataDir: options.dataDir ?? null, template }, drop: () => Promise.resolve() };
  }
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    async drop() {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}
