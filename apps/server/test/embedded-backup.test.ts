import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { RoomChatMessage, SendAck } from '@parley/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind } from './support/database.js';
import { call, signUp, type SignedUp } from './support/http.js';
import { wholeRoomHistory } from './support/history.js';
import { runNode } from './support/run-node.js';
import { beforeProcessStarts, serverProcessEnv, startServerProcess, type ServerProcess } from './support/server-process.js';
import { closeAllSockets, connect, send, sleep } from './support/sockets.js';
import { useServer } from './support/server.js';

/*
 * The embedded database is backed up by the running server itself (GET /admin/backup, which
 * `npm run backup` calls) and restored by `npm run restore` into a DATA_DIR that holds none.
 */
const processes: ServerProcess[] = [];
afterAll(() => {
  closeAllSockets();
  for (const node of processes) node.child.kill('SIGKILL');
});

describe('GET /admin/backup', () => {
  const server = useServer({ env: { TRUST_PROXY: 'loopback' } });

  it('gives the embedded database as a gzipped tarball, or says PostgreSQL is copied with pg_dump', async () => {
    const reply = await fetch(`${server().url}/admin/backup`);
    if (testDatabaseKind === 'pglite') {
      expect([reply.status, reply.headers.get('content-type')]).toEqual([200, 'application/gzip']);
      const body = Buffer.from(await reply.arrayBuffer());
      expect([body[0], body[1]]).toEqual([0x1f, 0x8b]);
    } else {
      expect([reply.status, await reply.json()]).toEqual([409, { error: { code: 'conflict', message: expect.stringContaining('pg_dump') } }]);
    }
  });

  it('is refused to a forwarded request, even from a trusted proxy on loopback', async () => {
    const forwarded: Record<string, string>[] = [{ 'x-forwarded-for': '127.0.0.1' }, { forwarded: 'for=127.0.0.1' }, { 'x-real-ip': '127.0.0.1' }];
    for (const headers of forwarded) {
      const reply = await call(server(), 'GET', '/admin/backup', { headers });
      expect([reply.status, reply.body]).toEqual([403, { error: { code: 'forbidden', message: expect.any(String) } }]);
    }
  });

  it('the backup command writes the copy, or says why the server refused it', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'parley-backup-')), 'copy.tar.gz');
    const run = await runNode(['src/backup/backup-cli.ts', '--out', out, '--url', server().url]);
    if (testDatabaseKind === 'pglite') {
      expect([run.code, run.stdout], run.stderr).toEqual([0, expect.stringContaining(`backup written to ${out}`)]);
      expect(existsSync(out)).toBe(true);
    } else {
      expect([run.code, run.stderr]).toEqual([1, expect.stringMatching(/refused the backup \(409\): .*pg_dump/)]);
      expect(existsSync(out)).toBe(false);
    }
  }, 60_000);

  it('the backup command says why when no server answers, and writes nothing', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'parley-backup-')), 'none.tar.gz');
    const run = await runNode(['src/backup/backup-cli.ts', '--out', out, '--url', 'http://127.0.0.1:1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no server answers at http://127.0.0.1:1');
    expect(existsSync(out)).toBe(false);
    const noOut = await runNode(['src/backup/backup-cli.ts']);
    expect([noOut.code, noOut.stderr]).toEqual([1, expect.stringContaining('usage: backup --out')]);
  }, 60_000);
});

describe.skipIf(testDatabaseKind !== 'pglite')('a backup of the embedded database taken while the server writes', () => {
  it('restores into a fresh DATA_DIR with every message acknowledged before it was taken', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-live-'));
    const testDb = await createTestDatabase({ dataDir: join(dataDir, 'db') });
    const [ada, bob] = (await beforeProcessStarts(testDb, (s) => Promise.all([signUp(s), signUp(s)]))) as [SignedUp, SignedUp];
    const node = await startServerProcess(serverProcessEnv(testDb, dataDir));
    processes.push(node);

    const socket = await connect(node.url, ada.token);
    const acked: number[] = [];
    let roomId = 0;
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i += 1) {
        const ack: SendAck = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: `live ${i}` });
        if (!ack.ok) throw new Error(`send refused: ${ack.error.message}`);
        roomId = (ack.message as RoomChatMessage).chat_room_id;
        acked.push(ack.message.id);
      }
    })();
    while (acked.length < 30) await sleep(10);

    // Everything acknowledged before the copy is asked for must be in it; the writer goes on meanwhile.
    const ackedBefore = [...acked];
    const file = join(await mkdtemp(join(tmpdir(), 'parley-backup-')), 'parley.tar.gz');
    const backup = await runNode(['src/backup/backup-cli.ts', '--out', file, '--url', node.url]);
    expect(backup.code, backup.stderr).toBe(0);
    await sleep(100);
    writing = false;
    await writer;
    expect(acked.length).toBeGreaterThan(ackedBefore.length);
    node.child.kill('SIGTERM');
    expect(await node.exited).toBe(0);

    // A DATA_DIR that already holds a database is refused, not overwritten.
    const refused = await runNode(['src/backup/restore-cli.ts', '--in', file, '--data-dir', dataDir]);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('already holds a database')]);

    const freshDir = await mkdtemp(join(tmpdir(), 'parley-restored-'));
    const restore = await runNode(['src/backup/restore-cli.ts', '--in', file, '--data-dir', freshDir]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/restored into .*: 2 users, \d+ messages/);

    const restored = await startServerProcess(serverProcessEnv(testDb, freshDir));
    processes.push(restored);
    const history = await wholeRoomHistory(restored, bob.token, roomId);
    const ids = history.map((m) => m.id);
    // Every message acknowledged before the backup, once each and in order; whatever else the
    // copy holds was acknowledged too (sent while it was being taken): nothing half-written.
    expect(ids.slice(0, ackedBefore.length)).toEqual(ackedBefore);
    expect(ids).toEqual(acked.slice(0, ids.length));
    expect(history.every((m, i) => m.message === `live ${i}`)).toBe(true);
    // The restored server takes new work and its sessions survived the copy.
    const again = await connect(restored.url, ada.token);
    expect((await send(again, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'after restore' })).ok).toBe(true);
  }, 240_000);

  it('a file that is not a backup is refused by restore with a clear reason, leaving no database behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-bad-'));
    const junk = join(dir, 'junk.tar.gz');
    await writeFile(junk, 'not a tarball');
    const notGzip = await runNode(['src/backup/restore-cli.ts', '--in', junk, '--data-dir', join(dir, 'a')]);
    expect([notGzip.code, notGzip.stderr]).toEqual([1, expect.stringContaining('is not a gzipped backup')]);
    // A gzipped file that is no PostgreSQL data folder: PGlite would start an empty cluster from it.
    const other = join(dir, 'other.tar.gz');
    await writeFile(other, gzipSync('hello'));
    const notParley = await runNode(['src/backup/restore-cli.ts', '--in', other, '--data-dir', join(dir, 'b')]);
    expect([notParley.code, notParley.stderr]).toEqual([1, expect.stringContaining('holds no Parley database')]);
    expect(existsSync(join(dir, 'b', 'db', 'PG_VERSION'))).toBe(false);
    const noIn = await runNode(['src/backup/restore-cli.ts']);
    expect([noIn.code, noIn.stderr]).toEqual([1, expect.stringContaining('usage: restore --in')]);
  }, 120_000);
});
