import { handshakeErrorCode, limits } from '@parley/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { call, signUp } from './support/http.js';
import { openMigrated, startServer, useServer, type TestServer } from './support/server.js';
import { connect, waitForDisconnect } from './support/sockets.js';

const server = useServer();

describe('login', () => {
  it('answers 200 with a token and the user', async () => {
    const me = await signUp(server(), { first: 'Ada', last: 'Lovelace' });
    const login = await call(server(), 'POST', '/login', { body: { email: me.email, password: me.password } });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      user: { user_id: me.user.user_id, email: me.email, first_name: 'Ada', last_name: 'Lovelace' },
    });
  });

  it('a wrong password and an unknown address get the same 401 invalid_credentials body', async () => {
    const me = await signUp(server());
    const wrong = await call(server(), 'POST', '/login', { body: { email: me.email, password: 'not the password' } });
    const unknown = await call(server(), 'POST', '/login', {
      body: { email: 'nobody-here@example.com', password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('the address is matched regardless of case', async () => {
    const me = await signUp(server());
    const login = await call(server(), 'POST', '/login', { body: { email: me.email.toUpperCase(), password: me.password } });
    expect(login.status).toBe(200);
  });

  it('a login without a password answers 400 invalid_input', async () => {
    const reply = await call(server(), 'POST', '/login', { body: { email: 'a@example.com' } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: 'invalid_input', fields: { password: expect.any(String) } } });
  });
});

describe('tokens', () => {
  it('are accepted in the authentication header and as Authorization: Bearer', async () => {
    const me = await signUp(server());
    expect((await call(server(), 'GET', '/users', { token: me.token })).status).toBe(200);
    const bearer = await call(server(), 'GET', '/users', { headers: { authorization: `Bearer ${me.token}` } });
    expect(bearer.status).toBe(200);
  });

  it('a request without a token answers 401 unauthorized', async () => {
    const reply = await call(server(), 'GET', '/users');
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('a session unused for 30 days expires', async () => {
    const me = await signUp(server());
    server().clock.advance(limits.sessionIdleTtlMs + 60_000);
    try {
      expect((await call(server(), 'GET', '/users', { token: me.token })).status).toBe(401);
    } finally {
      server().clock.advance(-(limits.sessionIdleTtlMs + 60_000));
    }
  });

  it('a session used within 30 days slides forward', async () => {
    const me = await signUp(server());
    const step = limits.sessionIdleTtlMs - 24 * 3600_000;
    server().clock.advance(step);
    try {
      expect((await call(server(), 'GET', '/users', { token: me.token })).status).toBe(200);
      server().clock.advance(step);
      expect((await call(server(), 'GET', '/users', { token: me.token })).status).toBe(200);
    } finally {
      server().clock.advance(-2 * step);
    }
  });
});

describe('logout', () => {
  it('GET /logout answers logged_out and the token then gets 401 everywhere', async () => {
    const me = await signUp(server());
    const out = await call(server(), 'GET', '/logout', { token: me.token });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ status: 'logged_out' });
    expect((await call(server(), 'GET', '/users', { token: me.token })).status).toBe(401);
    expect((await call(server(), 'GET', '/notifications', { token: me.token })).status).toBe(401);
  });

  it('POST /logout works too', async () => {
    const me = await signUp(server());
    expect((await call(server(), 'POST', '/logout', { token: me.token })).status).toBe(200);
    expect((await call(server(), 'GET', '/users', { token: me.token })).status).toBe(401);
  });

  it('logout disconnects every socket opened with that token, and only those', async () => {
    const me = await signUp(server());
    const other = await call<{ token: string }>(server(), 'POST', '/login', {
      body: { email: me.email, password: me.password },
    });
    const first = await connect(server().url, me.token);
    const second = await connect(server().url, me.token, { transports: ['polling'] });
    const otherSession = await connect(server().url, other.body.token);
    const closed = Promise.all([waitForDisconnect(first), waitForDisconnect(second)]);
    await call(server(), 'GET', '/logout', { token: me.token });
    await closed;
    expect(otherSession.connected).toBe(true);
  });

  it('a socket cannot be opened with a revoked token', async () => {
    const me = await signUp(server());
    await call(server(), 'GET', '/logout', { token: me.token });
    await expect(connect(server().url, me.token)).rejects.toMatchObject({ data: { code: handshakeErrorCode } });
  });
});

describe('socket handshake', () => {
  it('without a token fails with connect_error data.code unauthorized', async () => {
    await expect(connect(server().url, undefined)).rejects.toMatchObject({ data: { code: 'unauthorized' } });
  });

  it('with an unknown token fails with connect_error data.code unauthorized', async () => {
    await expect(connect(server().url, 'x'.repeat(43))).rejects.toMatchObject({ data: { code: 'unauthorized' } });
  });

  it('a token field inside a later payload is ignored', async () => {
    const me = await signUp(server());
    const socket = await connect(server().url, me.token);
    const ack = await socket.timeout(5000).emitWithAck('message', { chat_type: 'bot', message: 'hi', token: 'junk' });
    expect(ack).toMatchObject({ ok: true });
  });
});

describe('production password hashing', () => {
  let testDb: TestDatabase;
  let db: Database;
  let real: TestServer;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await openMigrated(testDb);
    // No `passwords` option: the server's own scrypt parameters (N = 2^15, r = 8, p = 1).
    real = await startServer(db, { passwords: 'production' });
  });
  afterAll(async () => {
    await real.stop();
    await db.close();
    await testDb.drop();
  });

  it('registers and logs in with scrypt N=2^15, r=8, p=1 and rejects a wrong password', async () => {
    const me = await signUp(real);
    const ok = await call(real, 'POST', '/login', { body: { email: me.email, password: me.password } });
    const wrong = await call(real, 'POST', '/login', { body: { email: me.email, password: `${me.password}!` } });
    expect(ok.status).toBe(200);
    expect(wrong.status).toBe(401);
    const rows = await db.rows<{ password_hash: string }>(sql`select password_hash from users limit 1`);
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
  });
});
