import { mkdtemp } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SendAck } from '@parley/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { signUp } from './support/http.js';
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
});
