// Restores a backup of the embedded database into a DATA_DIR that holds none yet. Stop the
// server first, move the old DATA_DIR/db aside, restore, then start the server on it.
//   npm run restore -w @parley/server -- --in parley.tar.gz [--data-dir ./data]
//   node apps/server/dist/restore.js --in /data/backups/parley.tar.gz      (the Docker image)
import { existsSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.js';
import { loadSettings } from '../env.js';
import { fromCaller } from './cli-paths.js';

const usage = 'usage: restore --in <file.tar.gz> [--data-dir <DATA_DIR>]';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { in: { type: 'string' }, 'data-dir': { type: 'string' } }, strict: true });
  if (!values.in) throw new Error(usage);
  const dataDir = values['data-dir'] ? fromCaller(values['data-dir']) : loadSettings().dataDir;
  const dbDir = join(dataDir, 'db');
  if (existsSync(join(dbDir, 'PG_VERSION'))) {
    throw new Error(`${dbDir} already holds a database: move it aside first (the server must be stopped)`);
  }
  const backup = await readFile(fromCaller(values.in));
  // A gzip stream starts 1f 8b. PGlite would start an empty cluster from anything else.
  if (backup.length < 2 || backup[0] !== 0x1f || backup[1] !== 0x8b) throw new Error(`${values.in} is not a gzipped backup`);
  // Unpacked beside its final place and moved there only once it opens and holds Parley's
  // tables, so a failed restore leaves no half-made database for the server to start on.
  const staging = `${dbDir}.restoring-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    const counts = await openAndCount(staging, backup);
    await rm(dbDir, { recursive: true, force: true });
    await rename(staging, dbDir);
    console.log(`restored into ${dbDir}: ${counts.users} users, ${counts.messages} messages`);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function openAndCount(dir: string, backup: Buffer): Promise<{ users: number; messages: number }> {
  const db = openDatabase({ kind: 'pglite', dataDir: dir, template: new Blob([backup]) });
  try {
    const [counts] = await db.rows<{ users: number; messages: number }>(
      sql`select (select count(*) from users)::int as users, (select count(*) from messages)::int as messages`,
    );
    return counts ?? { users: 0, messages: 0 };
  } catch {
    throw new Error('the file holds no Parley database');
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
