import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatRoomResponse } from '@parley/shared';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';
import { call, signUp, type SignedUp } from './support/http.js';
import { beforeProcessStarts, serverProcessEnv, startServerProcess, type ServerProcess } from './support/server-process.js';
import { collect, sleep, type ClientSocket } from './support/sockets.js';
import { sendSteadily, tally, wholeRoomHistory, type SteadySender } from './support/steady-sender.js';

let testDb: TestDatabase | undefined;
const processes: ServerProcess[] = [];
const clients: ClientSocket[] = [];
afterAll(async () => {
  for (const client of clients) client.disconnect();
  for (const server of processes) server.child.kill('SIGKILL');
  await testDb?.drop();
});

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const ackedCount = (sender: SteadySender) => sender.sent.filter((m) => m.id !== null).length;

describe('a crash (SIGKILL) while clients send', () => {
  it('keeps every acknowledged message once, in order; clients reconnect and catch up by themselves', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-crash-'));
    testDb = await createTestDatabase({ dataDir: join(dataDir, 'db') });
    const users: SignedUp[] = await beforeProcessStarts(testDb, async (s) => {
      const made: SignedUp[] = [];
      for (let i = 0; i < 6; i++) made.push(await signUp(s));
      return made;
    });
    const first = await startServerProcess(serverProcessEnv(testDb, dataDir));
    processes.push(first);

    // Three conversations, both people of each sending: six senders, one socket each, with
    // Socket.IO's default reconnection.
    const partnerOf = (i: number) => (i % 2 === 0 ? i + 1 : i - 1);
    const sockets = users.map((user) => {
      const socket: ClientSocket = io(first.url, { auth: { token: user.token }, forceNew: true, transports: ['websocket'] });
      clients.push(socket);
      return socket;
    });
    const received = sockets.map((socket) => collect(socket, 'message'));
    const senders = sockets.map((socket, i) =>
      sendSteadily(socket, { otherUserId: users[partnerOf(i)]!.user.user_id, label: `sender ${i}` }),
    );
    await until(() => senders.every((s) => ackedCount(s) >= 5), 30_000, 'sends before the crash');

    first.child.kill('SIGKILL');
    await first.exited;
    const ackedBefore = senders.map(ackedCount);
    // What each client had seen when the server died: its acknowledgements and the events it got.
    const lastSeen = senders.map((sender, i) =>
      Math.max(0, ...sender.sent.map((m) => m.id ?? 0), ...received[i]!.map((e) => ('id' in e ? e.id : 0))),
    );

    const second = await startServerProcess(serverProcessEnv(testDb, dataDir, first.port));
    processes.push(second);
    await until(() => sockets.every((s) => s.connected), 30_000, 'the clients to reconnect');
    await until(() => senders.every((s, i) => ackedCount(s) >= ackedBefore[i]! + 5), 30_000, 'sends after the restart');
    await Promise.all(senders.map((sender) => sender.stop()));

    const roomIds = [0, 2, 4].map((i) => senders[i]!.sent[0]!.chatRoomId);
    const tallies = [];
    for (const [pair, roomId] of roomIds.entries()) {
      expect(roomId).toBeTypeOf('number');
      const a = pair * 2;
      // Catch-up as a reconnected client does it: its old token, newer than what it had seen.
      for (const i of [a, a + 1]) {
        const after = lastSeen[i]!;
        const catchUp = await call<ChatRoomResponse>(second, 'GET', `/chat_rooms/${roomId}?after=${after}`, {
          token: users[i]!.token,
        });
        expect(catchUp.status).toBe(200);
        expect(catchUp.body.messages.every((m) => m.id > after)).toBe(true);
      }
      const history = await wholeRoomHistory(second, users[a]!.token, roomId!);
      tallies.push(tally([senders[a]!.sent, senders[a + 1]!.sent], history));
    }
    const total = tallies.reduce((sum, t) => ({
      acknowledged: sum.acknowledged + t.acknowledged,
      found: sum.found + t.found,
      lost: sum.lost + t.lost,
      doubled: sum.doubled + t.doubled,
      outOfOrder: sum.outOfOrder + t.outOfOrder,
    }));
    const resent = senders.flatMap((s) => s.sent).filter((m) => m.attempts > 1).length;
    console.info(`fault-crash (${testDatabaseKind}): ${JSON.stringify({ ...total, resent })}`);
    expect(total.lost).toBe(0);
    expect(total.doubled).toBe(0);
    expect(total.outOfOrder).toBe(0);
    expect(total.found).toBe(total.acknowledged);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});
