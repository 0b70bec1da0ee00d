import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { isDatabaseUnavailable } from '../src/db/unavailable.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { call, signUp, type SignedUp } from './support/http.js';
import { openMigrated, startServer, type TestServer } from './support/server.js';
import { closeAllSockets, connect, send, type ClientSocket } from './support/sockets.js';

let testDb: TestDatabase | undefined;
let db: Database | undefined;
let server: TestServer | undefined;
afterAll(async () => {
  closeAllSockets();
  await server?.stop();
  await testDb?.drop();
});

describe('a database that is gone', () => {
  let ada: SignedUp;
  let bob: SignedUp;
  let socket: ClientSocket;

  it('(setup) two users, one socket, then the database closes under the server', async () => {
    testDb = await createTestDatabase();
    db = await openMigrated(testDb);
    server = await startServer(db);
    ada = await signUp(server);
    bob = await signUp(server);
    socket = await connect(server.url, ada.token);
    await db.close();
  });

  it('REST answers 503 unavailable with Retry-After, never 500', async () => {
    const reply = await call(server!, 'GET', '/chat_rooms', { token: ada.token });
    expect([reply.status, reply.headers.get('retry-after'), reply.body]).toEqual([
      503,
      expect.stringMatching(/^\d+$/),
      { error: { code: 'unavailable', message: expect.any(String) } },
    ]);
  });

  it('a login answers 503 unavailable, not invalid_credentials', async () => {
    const reply = await call(server!, 'POST', '/login', { body: { email: bob.email, password: bob.password } });
    expect([reply.status, (reply.body as { error?: { code?: string } }).error?.code]).toEqual([503, 'unavailable']);
  });

  it('a socket send is acknowledged ok: false with unavailable', async () => {
    const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'into the void' });
    expect(ack).toEqual({ ok: false, error: { code: 'unavailable', message: expect.any(String) } });
  });

  it('a handshake fails with data.code unavailable, never unauthorized: the token is still good', async () => {
    const refused = await connect(server!.url, ada.token).then(
      () => null,
      (error: Error & { data?: unknown }) => error.data,
    );
    expect(refused).toEqual({ code: 'unavailable', message: expect.any(String) });
  });
});

describe('the unavailability classifier', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('knows refused, reset and closed links, and the SQLSTATEs of a server that cannot serve', () => {
    const unavailable = ['ECONNREFUSED', 'ECONNRESET', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECT_TIMEOUT', '08006', '57P01', '57P03', '53300'];
    expect(unavailable.filter((code) => !isDatabaseUnavailable(withCode(code)))).toEqual([]);
    expect(isDatabaseUnavailable(new Error('PGlite is closed'))).toBe(true);
  });

  it('looks through a drizzle wrapper to the driver error', () => {
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: withCode('57P01') }))).toBe(true);
  });

  it('leaves statement errors alone: they are bugs or input, not an outage', () => {
    const others = ['23505', '42P01', '25P02', '40001', '57014'].map((code) => withCode(code));
    expect(others.filter(isDatabaseUnavailable)).toEqual([]);
    expect(isDatabaseUnavailable(new Error('connection refused'))).toBe(false);
  });
});
