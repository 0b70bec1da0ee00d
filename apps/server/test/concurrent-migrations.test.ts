import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/client.js';
import { defaultMigrationsDir, migrateDatabase } from '../src/db/migrate.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';

let testDb: TestDatabase | undefined;
const links: Database[] = [];
afterAll(async () => {
  await Promise.all(links.map((link) => link.close()));
  await testDb?.drop();
});

// PGlite is one process's database: only PostgreSQL has several nodes starting at once.
describe.skipIf(testDatabaseKind !== 'postgres')('migrations when several nodes start at once', () => {
  it('apply once: every node starts, each migration is recorded once and the schema is whole', async () => {
    testDb = await createTestDatabase();
    const nodes = Array.from({ length: 4 }, () => openDatabase(testDb!.target));
    links.push(...nodes);
    const results = await Promise.allSettled(nodes.map((db) => migrateDatabase(db, defaultMigrationsDir())));
    expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : String(r.reason)))).toEqual(['ok', 'ok', 'ok', 'ok']);
    const [journal] = await nodes[0]!.rows<{ applied: number; distinct: number }>(
      sql`select count(*)::int as applied, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`,
    );
    expect(journal!.applied).toBe(journal!.distinct);
    const { readFileSync } = await import('node:fs');
    const entries = (JSON.parse(readFileSync(`${defaultMigrationsDir()}/meta/_journal.json`, 'utf8')) as { entries: unknown[] }).entries;
    expect(journal!.applied).toBe(entries.length);
    // And a node starting later finds nothing to do.
    await migrateDatabase(nodes[0]!, defaultMigrationsDir());
    const [again] = await nodes[0]!.rows<{ applied: number }>(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
    expect(again!.applied).toBe(entries.length);
  }, 60_000);
});
