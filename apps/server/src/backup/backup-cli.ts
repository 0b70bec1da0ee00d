// Takes a backup of a running server on the embedded database: asks it for GET /admin/backup on
// loopback and writes the tarball to --out (first under a temporary name, so a file of that name
// is always a whole copy).
//   npm run backup -w @parley/server -- --out parley.tar.gz [--url http://127.0.0.1:3000]
//   node apps/server/dist/backup.js --out /data/backups/parley.tar.gz      (the Docker image)
import { rename, rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { errorBodySchema } from '@parley/shared';
import { backupPath } from './backup.routes.js';
import { fromCaller } from './cli-paths.js';

const usage = 'usage: backup --out <file.tar.gz> [--url http://127.0.0.1:<PORT>]';

/** The protocol error's message, or the start of whatever else answered (a proxy's page). */
function reasonIn(text: string): string {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data.error.message;
  } catch {
    // Not JSON: shown as it is.
  }
  return text.slice(0, 200);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, url: { type: 'string' } }, strict: true });
  if (!values.out) throw new Error(usage);
  const base = values.url ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
  const out = fromCaller(values.out);
  const reply = await fetch(new URL(backupPath, base)).catch((error: unknown) => {
    throw new Error(`no server answers at ${base}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const body = Buffer.from(await reply.arrayBuffer());
  if (!reply.ok) {
    throw new Error(`the server refused the backup (${reply.status}): ${reasonIn(body.toString('utf8'))}`);
  }
  // A gzip stream starts 1f 8b; anything else is not the copy (a proxy's page, say).
  if (body.length < 2 || body[0] !== 0x1f || body[1] !== 0x8b) throw new Error('the answer is not a gzipped backup');
  const partial = `${out}.partial`;
  try {
    await writeFile(partial, body);
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  console.log(`backup written to ${out} (${body.length} bytes)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
