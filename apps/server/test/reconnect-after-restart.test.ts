import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SendAck } from '@parley/shared';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { signUp } from './support/http.js';
import { beforeProcessStarts, serverProcessEnv, startServerProcess, type ServerProcess } from './support/server-process.js';
import type { ClientSocket } from './support/sockets.js';

let testDb: TestDatabase | undefined;
const processes: ServerProcess[] = [];
const clients: ClientSocket[] = [];
afterAll(async () => {
  for (const client of clients) client.disconnect();
  for (const server of processes) server.child.kill('SIGKILL');
  await testDb?.drop();
});

function connected(socket: ClientSocket, timeoutMs: number): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not reconnected within ${timeoutMs} ms`)), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('a restart', () => {
  it('stock Socket.IO clients reconnect by themselves, with the same token, after SIGTERM and a new start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-reconnect-'));
    testDb = await createTestDatabase({ dataDir: join(dataDir, 'db') });
    const [ada, bob] = await beforeProcessStarts(testDb, (s) => Promise.all([signUp(s), signUp(s)]));
    const first = await startServerProcess(serverProcessEnv(testDb, dataDir));
    processes.push(first);

    // Default options: reconnection on, both transports (polling, then the upgrade); and one
    // that only polls, whose transport closes differently.
    const stock: ClientSocket = io(first.url, { auth: { token: ada!.token }, forceNew: true });
    const polling: ClientSocket = io(first.url, { auth: { token: bob!.token }, forceNew: true, transports: ['polling'] });
    clients.push(stock, polling);
    await Promise.all([connected(stock, 10_000), connected(polling, 10_000)]);
    const reasons: string[] = [];
    for (const client of clients) client.once('disconnect', (reason) => reasons.push(reason));

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(reasons).not.toContain('io server disconnect');

    const second = await startServerProcess(serverProcessEnv(testDb, dataDir, first.port));
    processes.push(second);
    await Promise.all([connected(stock, 30_000), connected(polling, 30_000)]);
    const ack = (await stock.timeout(5_000).emitWithAck('message', {
      chat_type: 'room',
      other_user_id: bob!.user.user_id,
      message: 'after the restart',
    })) as SendAck;
    expect(ack.ok).toBe(true);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 150_000);
});
