import { randomBytes, randomUUID } from 'node:crypto';
import type { ChatGroup, LoginResponse, RoomChatMessage } from '@parley/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { parseSettings } from '../src/env.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';
import { wholeRoomHistory } from './support/history.js';
import { call, signUp, uniqueEmail } from './support/http.js';
import { startPgBouncer, type PgBouncer } from './support/pgbouncer.js';
import { startServer, type TestServer } from './support/server.js';
import { closeAllSockets, connect, send } from './support/sockets.js';

/**
 * A transaction pooler hands each transaction to whichever server connection is free, so nothing
 * may outlive one: no named prepared statements, no startup parameters. Every write the server
 * acknowledges must be readable afterwards.
 */
describe.runIf(testDatabaseKind === 'postgres')('behind PgBouncer in transaction pooling mode', () => {
  let testDb: TestDatabase | undefined;
  let pooled: Database | undefined;
  let bouncer: PgBouncer | undefined;
  let server: TestServer;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const direct = new URL(testDb.target.kind === 'postgres' ? testDb.target.url : '');
    bouncer = await startPgBouncer({ host: direct.hostname, port: Number(direct.port || 5432) });
    pooled = openDatabase({ kind: 'postgres', url: bouncer.urlFor(direct.pathname.slice(1)) });
    // Through the pooler too, as `npm run server` migrates at start over DATABASE_URL.
    await migrateDatabase(pooled, parseSettings({}).migrationsDir);
    server = await startServer(pooled);
  });

  afterAll(async () => {
    closeAllSockets();
    await server?.stop();
    await pooled?.close();
    await bouncer?.stop();
    await testDb?.drop();
  });

  it('every confirmed registration can log in', async () => {
    const people = Array.from({ length: 8 }, () => ({ email: uniqueEmail('pooled'), password: `pw-${randomBytes(6).toString('hex')}` }));
    const outcomes = await Promise.all(
      people.map(async ({ email, password }) => {
        const registered = await call(server, 'POST', '/register', { body: { email, password, first_name: 'Pooled', last_name: 'User' } });
        if (registered.status !== 202) return `register ${registered.status}`;
        const confirmed = await call(server, 'GET', `/register/${server.mail.linkTokenFor(email)}`);
        if (confirmed.status !== 201) return `confirm ${confirmed.status}`;
        const login = await call<LoginResponse>(server, 'POST', '/login', { body: { email, password } });
        return login.status === 200 ? 'ok' : `confirmed, then login ${login.status}`;
      }),
    );
    expect(outcomes.filter((outcome) => outcome !== 'ok')).toEqual([]);
  });

  it('every group answered 201 can be read', async () => {
    const ada = await signUp(server);
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call<ChatGroup>(server, 'POST', '/chat_groups', { token: ada.token, body: { chat_group_name: `pooled ${i} ${randomUUID()}` } }),
      ),
    );
    expect(created.map((reply) => reply.status)).toEqual(Array.from({ length: 12 }, () => 201));
    const read = await Promise.all(created.map((reply) => call(server, 'GET', `/chat_groups/${reply.body.chat_group_id}`, { token: ada.token })));
    expect(read.map((reply) => reply.status)).toEqual(Array.from({ length: 12 }, () => 200));
  });

  it('every acknowledged message of many in flight is in history, once', async () => {
    const [ada, bob] = await Promise.all([signUp(server), signUp(server)]);
    const socket = await connect(server.url, ada.token);
    const acks = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: `in flight ${i}`, client_id: randomUUID() }),
      ),
    );
    const acked = acks.flatMap((ack) => (ack.ok ? [(ack.message as RoomChatMessage)] : []));
    expect(acked).toHaveLength(60);
    const history = await wholeRoomHistory(server, bob.token, acked[0]!.chat_room_id);
    // The set, not the order: ordering sends in flight is not what this test is about.
    const byId = (a: number, b: number) => a - b;
    expect(history.map((m) => m.id).sort(byId)).toEqual(acked.map((m) => m.id).sort(byId));
  });
});
