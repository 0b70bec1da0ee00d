import type { ChatGroup } from '@parley/shared';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { insertMessageBatch } from '../src/messages/message-batch.queries.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';
import { call, signUp, type SignedUp } from './support/http.js';
import { openMigrated, startServer, type TestServer } from './support/server.js';
import { sleep } from './support/sockets.js';

/*
 * Several nodes write into one conversation at once, each from its own connection. A batch must
 * draw its ids only once it holds the conversation, so ids rise in commit order and a client
 * that saw id n, catching up with `after=n`, misses nothing committed before it. PostgreSQL
 * only: PGlite has one connection.
 */

let testDb: TestDatabase | undefined;
let db: Database | undefined;
let server: TestServer | undefined;
let other: postgres.Sql | undefined;

beforeAll(async () => {
  if (testDatabaseKind !== 'postgres') return;
  testDb = await createTestDatabase();
  db = await openMigrated(testDb);
  server = await startServer(db);
  if (testDb.target.kind === 'postgres') other = postgres(testDb.target.url, { max: 1, onnotice: () => undefined });
});

afterAll(async () => {
  await other?.end({ timeout: 2 });
  await server?.stop();
  await db?.close();
  await testDb?.drop();
});

describe.skipIf(testDatabaseKind !== 'postgres')('ids in commit order across connections', () => {
  let ada: SignedUp;
  let groupId: number;

  beforeAll(async () => {
    ada = await signUp(server!);
    const created = await call<ChatGroup>(server!, 'POST', '/chat_groups', { token: ada.token, body: { chat_group_name: 'Order' } });
    groupId = created.body.chat_group_id;
    await call(server!, 'GET', `/chat_groups/${groupId}`, { token: ada.token });
  });

  it('a batch waiting for a conversation another writer holds draws its id after that writer commits', async () => {
    const reserved = await other!.reserve();
    try {
      // Another node's batch into the group, holding it until it commits.
      await reserved`begin`;
      await reserved`select id from chat_groups where id = ${groupId} for update`;
      const ours = insertMessageBatch(db!, [
        { roomId: null, groupId, senderId: ada.user.user_id, body: 'from this node', clientId: null, createdAt: new Date() },
      ]);
      await sleep(300);
      const [theirs] = await reserved<{ id: string }[]>`
        insert into messages (id, group_id, sender_id, body, created_at)
        values (nextval('messages_id_seq'), ${groupId}, ${ada.user.user_id}, 'from the other node', now()) returning id`;
      await reserved`commit`;
      const result = await ours;
      expect(result.ids[0]).toBeGreaterThan(Number(theirs!.id));
    } finally {
      reserved.release();
    }
  });
});
