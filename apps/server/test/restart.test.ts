import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatRoomResponse, RoomChatMessage } from '@parley/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { call, signUp } from './support/http.js';
import { textOf } from './support/history.js';
import { openMigrated, startServer } from './support/server.js';
import { closeAllSockets, connect, send } from './support/sockets.js';

let testDb: TestDatabase | undefined;
afterAll(async () => {
  closeAllSockets();
  await testDb?.drop();
});

describe('restart', () => {
  it('a second server over the same database keeps accounts, sessions and messages', async () => {
    // PGlite on disk this time (in memory would not outlive its process); PostgreSQL as usual.
    testDb = await createTestDatabase({ dataDir: join(await mkdtemp(join(tmpdir(), 'parley-restart-')), 'db') });
    const firstDb = await openMigrated(testDb);
    const first = await startServer(firstDb);
    const ada = await signUp(first);
    const bob = await signUp(first);
    const socket = await connect(first.url, ada.token);
    const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'before restart' });
    const roomId = (ack as { message: RoomChatMessage }).message.chat_room_id;
    closeAllSockets();
    await first.stop();
    await firstDb.close();

    const secondDb = await openMigrated(testDb);
    const second = await startServer(secondDb);
    try {
      const room = await call<ChatRoomResponse>(second, 'GET', `/chat_rooms/${roomId}`, { token: ada.token });
      expect(room.status).toBe(200);
      expect(room.body.messages.map(textOf)).toEqual(['before restart']);
      const login = await call(second, 'POST', '/login', { body: { email: bob.email, password: bob.password } });
      expect(login.status).toBe(200);
      const again = await connect(second.url, ada.token);
      expect(again.connected).toBe(true);
    } finally {
      closeAllSockets();
      await second.stop();
      await secondDb.close();
    }
  }, 120_000);
});
