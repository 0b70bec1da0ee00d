import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RoomChatMessage } from '@parley/shared';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';
import { call, signUp } from './support/http.js';
import { wholeRoomHistory } from './support/history.js';
import { openMigrated, startServer, type TestServer } from './support/server.js';
import { closeAllSockets, connect, send } from './support/sockets.js';

const exec = promisify(execFile);
const databases: TestDatabase[] = [];
const opened: Database[] = [];
const servers: TestServer[] = [];
afterAll(async () => {
  closeAllSockets();
  for (const server of servers) await server.stop();
  for (const db of opened) await db.close();
  for (const testDb of databases) await testDb.drop();
});

/** The URL of a test database (PostgreSQL only). */
function urlOf(testDb: TestDatabase): string {
  if (testDb.target.kind !== 'postgres') throw new Error('PostgreSQL only');
  return testDb.target.url;
}

describe.skipIf(testDatabaseKind !== 'postgres')('a PostgreSQL backup with pg_dump, restored with pg_restore', () => {
  it('dumps a live server, restores into a new database, and a server there reads every message', async () => {
    const source = await createTestDatabase();
    databases.push(source);
    const db = await openMigrated(source);
    opened.push(db);
    const live = await startServer(db);
    servers.push(live);
    const ada = await signUp(live);
    const bob = await signUp(live);
    const socket = await connect(live.url, ada.token);
    const sent: number[] = [];
    let roomId = 0;
    for (let i = 0; i < 40; i += 1) {
      const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: `kept ${i} ✓` });
      if (!ack.ok) throw new Error(ack.error.message);
      roomId = (ack.message as RoomChatMessage).chat_room_id;
      sent.push(ack.message.id);
    }

    // The commands docs/deploy.md gives, while the server keeps running.
    const file = join(await mkdtemp(join(tmpdir(), 'parley-pgdump-')), 'parley.dump');
    await exec('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, urlOf(source)]);
    const target = await createTestDatabase();
    databases.push(target);
    await exec('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${urlOf(target)}`, file]);

    const restoredDb = await openMigrated(target);
    opened.push(restoredDb);
    const restored = await startServer(restoredDb);
    servers.push(restored);
    const history = await wholeRoomHistory(restored, bob.token, roomId);
    expect(history.map((m) => m.id)).toEqual(sent);
    expect(history.map((m) => m.message)).toEqual(sent.map((_, i) => `kept ${i} ✓`));
    expect((await call(restored, 'POST', '/login', { body: { email: ada.email, password: ada.password } })).status).toBe(200);
    // New messages continue after the restored ones: the id sequence came along.
    const again = await connect(restored.url, ada.token);
    const next = await send(again, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'after restore' });
    expect(next.ok && next.message.id > Math.max(...sent)).toBe(true);
  }, 60_000);
});
