import { mkdtemp } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatGroup, SendAck } from '@parley/shared';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { call, signUp } from './support/http.js';
import { beforeProcessStarts, serverProcessEnv, startServerProcess, type ServerProcess } from './support/server-process.js';
import { closeAllSockets, connect, sleep } from './support/sockets.js';

/**
 * A POST on a connection of its own (fetch would queue requests on a few shared ones), telling
 * when the request has been written and what status answered it.
 */
function postJson(url: string, path: string, body: unknown): { written: Promise<void>; status: Promise<number> } {
  let markWritten: () => void = () => undefined;
  const written = new Promise<void>((resolve) => (markWritten = resolve));
  const status = new Promise<number>((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.once('finish', markWritten);
    req.end(JSON.stringify(body));
  });
  return { written, status };
}

let testDb: TestDatabase | undefined;
let server: ServerProcess | undefined;
afterAll(async () => {
  closeAllSockets();
  server?.child.kill('SIGKILL');
  await testDb?.drop();
});

describe('SIGTERM', () => {
  it('lets logins and sends in flight finish with their answers, then exits 0 within 5 s', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-drain-'));
    testDb = await createTestDatabase({ dataDir: join(dataDir, 'db') });
    // Production scrypt: a login keeps the server busy for a good fraction of a second. One only:
    // on a loaded machine several at once can outlast the 3 s the shutdown waits.
    const [ada, bob] = await beforeProcessStarts(testDb, (s) => Promise.all([signUp(s), signUp(s)]), {
      passwords: 'production',
    });
    server = await startServerProcess(serverProcessEnv(testDb, dataDir));
    const sockets = await Promise.all([connect(server.url, ada!.token), connect(server.url, bob!.token)]);

    const logins = Array.from({ length: 1 }, () => postJson(server!.url, '/login', { email: ada!.email, password: ada!.password }));
    const sends = sockets.map((socket, i) =>
      socket
        .timeout(5_000)
        .emitWithAck('message', {
          chat_type: 'room',
          other_user_id: (i === 0 ? bob! : ada!).user.user_id,
          message: `in flight ${i}`,
        })
        .then((ack: SendAck) => (ack.ok ? 'ok' : ack.error.code))
        .catch((error: unknown) => `no answer: ${String(error)}`),
    );
    // Written to the server's side of the connection: from here on the request is the server's.
    await Promise.all(logins.map((login) => login.written));
    await sleep(30);
    const signalled = Date.now();
    server.child.kill('SIGTERM');

    const answers = await Promise.all(logins.map((login) => login.status.catch((error: unknown) => String(error))));
    expect(answers, server.output()).toEqual([200]);
    // Sent just before the signal: stored, or refused as "restarting" if it arrived after it.
    for (const answer of await Promise.all(sends)) expect(['ok', 'unavailable']).toContain(answer);
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
  }, 120_000);

  it('records the departures its closing sockets cause (group read marks) before the database closes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-drain-'));
    const db = await createTestDatabase({ dataDir: join(dataDir, 'db') });
    // Enough members that their departures are still being written when the transports are closed.
    const members = 40;
    try {
      const [people, group] = await beforeProcessStarts(db, async (s) => {
        const people = await Promise.all(Array.from({ length: members }, () => signUp(s)));
        const created = await call<ChatGroup>(s, 'POST', '/chat_groups', { token: people[0]!.token, body: { chat_group_name: 'Drain' } });
        return [people, created.body] as const;
      });
      const node = await startServerProcess(serverProcessEnv(db, dataDir));
      try {
        await Promise.all(people.map((person) => connect(node.url, person.token)));
        // Entering with a socket open makes each present: their read marks follow the group.
        for (const person of people) {
          expect((await call(node, 'GET', `/chat_groups/${group.chat_group_id}`, { token: person.token })).status).toBe(200);
        }
        node.child.kill('SIGTERM');
        expect(await node.exited).toBe(0);
        expect(node.output()).not.toContain('marking groups left failed');
      } finally {
        node.child.kill('SIGKILL');
        closeAllSockets();
      }
      // Read straight from the database: the next start would tidy marks left behind.
      const link = openDatabase(db.target);
      try {
        const rows = await link.rows<{ present: unknown }>(
          sql`select count(*)::int as present from group_members where group_id = ${group.chat_group_id} and present_from is not null`,
        );
        expect(rows).toEqual([{ present: 0 }]);
      } finally {
        await link.close();
      }
    } finally {
      await db.drop();
    }
  }, 120_000);
});
