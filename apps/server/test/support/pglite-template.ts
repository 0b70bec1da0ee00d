import { writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { defaultMigrationsDir, migrateDatabase } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Global setup of the PGlite project: one migrated cluster, dumped to a file. Each test file
 * starts its in-memory database from it, which skips initdb (several seconds on a busy machine).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const db = openDatabase({ kind: 'pglite', dataDir: null });
  await migrateDatabase(db, defaultMigrationsDir());
  const client = (db.orm as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  await db.close();
  const path = join(tmpdir(), `parley-pglite-template-${process.pid}.tar`);
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', path);
  return () => rm(path, { force: true });
}
