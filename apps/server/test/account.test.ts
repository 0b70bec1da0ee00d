import type { SessionsResponse } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { call, signUp, type SignedUp } from './support/http.js';
import { useServer } from './support/server.js';
import { collect, connect, nextEvent, sleep, waitForDisconnect } from './support/sockets.js';

const server = useServer();

function loginAs(account: SignedUp, userAgent?: string) {
  return call<{ token: string }>(server(), 'POST', '/login', {
    body: { email: account.email, password: account.password },
    headers: userAgent ? { 'user-agent': userAgent } : {},
  });
}

describe('PUT /password', () => {
  it('changes the password, keeps this session, ends the others and disconnects their sockets, and mails the owner', async () => {
    const account = await signUp(server());
    const other = (await loginAs(account)).body.token;
    const otherSocket = await connect(server().url, other);
    const ownSocket = await connect(server().url, account.token);
    const closed = waitForDisconnect(otherSocket);
    const changed = await call(server(), 'PUT', '/password', {
      token: account.token,
      body: { current_password: account.password, new_password: 'a changed password' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ status: 'password_changed' });
    expect(await closed).toBe('io server disconnect');
    expect((await call(server(), 'GET', '/users', { token: other })).status).toBe(401);
    expect((await call(server(), 'GET', '/users', { token: account.token })).status).toBe(200);
    expect(ownSocket.connected).toBe(true);
    expect((await call(server(), 'POST', '/login', { body: { email: account.email, password: account.password } })).status).toBe(401);
    expect((await call(server(), 'POST', '/login', { body: { email: account.email, password: 'a changed password' } })).status).toBe(200);
    expect(server().mail.mailsTo(account.email).at(-1)?.subject).toBe('Your Parley password was changed');
  });

  it('a wrong current password answers 401 invalid_credentials and changes nothing', async () => {
    const account = await signUp(server());
    const wrong = await call(server(), 'PUT', '/password', {
      token: account.token,
      body: { current_password: 'not my password', new_password: 'a changed password' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'invalid_credentials' } });
    // The token is still good: a client must not take this 401 for a lost session.
    expect((await call(server(), 'GET', '/users', { token: account.token })).status).toBe(200);
    expect((await loginAs(account)).status).toBe(200);
  });

  it('a new password outside 8–128 code points, or a missing field, answers 400 naming the field', async () => {
    const account = await signUp(server());
    const short = await call(server(), 'PUT', '/password', {
      token: account.token,
      body: { current_password: account.password, new_password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ error: { code: 'invalid_input', fields: { new_password: expect.any(String) } } });
    const missing = await call(server(), 'PUT', '/password', { token: account.token, body: { new_password: 'long enough' } });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { fields: { current_password: expect.any(String) } } });
    expect((await loginAs(account)).status).toBe(200);
  });

  it('needs a token', async () => {
    const reply = await call(server(), 'PUT', '/password', { body: { current_password: 'x', new_password: 'long enough' } });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ error: { code: 'unauthorized' } });
  });
});

describe('sessions', () => {
  it('GET /sessions lists every session of mine with its client, times and which one is this', async () => {
    const account = await signUp(server());
    const desktop = await loginAs(account, 'Parley-desktop/1.0.0 (Windows)');
    await loginAs(account, 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36');
    const listed = await call<SessionsResponse>(server(), 'GET', '/sessions', { token: desktop.body.token });
    expect(listed.status).toBe(200);
    const { sessions } = listed.body;
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.find((s) => s.current)?.client).toBe('Parley desktop on Windows');
    expect(sessions.map((s) => s.client)).toContain('Chrome on Linux');
    for (const session of sessions) {
      expect(session.session_id).toEqual(expect.any(Number));
      expect(session.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(session.last_used_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    const someoneElse = await signUp(server());
    const theirs = await call<SessionsResponse>(server(), 'GET', '/sessions', { token: someoneElse.token });
    expect(theirs.body.sessions).toHaveLength(1);
  });

  it('last_used_at moves at most once a minute, not on every request', async () => {
    const account = await signUp(server());
    const lastUsed = async () =>
      (await call<SessionsResponse>(server(), 'GET', '/sessions', { token: account.token })).body.sessions[0]!.last_used_at;
    const first = await lastUsed();
    await call(server(), 'GET', '/users', { token: account.token });
    expect(await lastUsed()).toBe(first);
    server().clock.advance(61_000);
    try {
      expect(await lastUsed()).not.toBe(first);
    } finally {
      server().clock.advance(-61_000);
    }
  });

  it('DELETE /sessions/{id} ends one of my sessions: its token gets 401 and its sockets are disconnected', async () => {
    const account = await signUp(server());
    const other = (await loginAs(account)).body.token;
    const socket = await connect(server().url, other);
    const closed = waitForDisconnect(socket);
    const { sessions } = (await call<SessionsResponse>(server(), 'GET', '/sessions', { token: account.token })).body;
    const target = sessions.find((s) => !s.current)!;
    const ended = await call(server(), 'DELETE', `/sessions/${target.session_id}`, { token: account.token });
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({ status: 'logged_out' });
    expect(await closed).toBe('io server disconnect');
    expect((await call(server(), 'GET', '/users', { token: other })).status).toBe(401);
    expect((await call(server(), 'GET', '/users', { token: account.token })).status).toBe(200);
    const again = await call(server(), 'DELETE', `/sessions/${target.session_id}`, { token: account.token });
    expect(again.status).toBe(404);
  });

  it("someone else's session answers 404 and stays alive", async () => {
    const mine = await signUp(server());
    const theirs = await signUp(server());
    const { sessions } = (await call<SessionsResponse>(server(), 'GET', '/sessions', { token: theirs.token })).body;
    const reply = await call(server(), 'DELETE', `/sessions/${sessions[0]!.session_id}`, { token: mine.token });
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ error: { code: 'not_found' } });
    expect((await call(server(), 'GET', '/users', { token: theirs.token })).status).toBe(200);
  });

  it('a malformed or unreachable session id is 400 or 404, never a 5xx', async () => {
    const account = await signUp(server());
    expect((await call(server(), 'DELETE', '/sessions/abc', { token: account.token })).status).toBe(400);
    expect((await call(server(), 'DELETE', '/sessions/0', { token: account.token })).status).toBe(400);
    expect((await call(server(), 'DELETE', '/sessions/99999999999999999999', { token: account.token })).status).toBe(404);
    expect((await call(server(), 'DELETE', '/sessions/1')).status).toBe(401);
  });

  it('ending this very session is a logout', async () => {
    const account = await signUp(server());
    const { sessions } = (await call<SessionsResponse>(server(), 'GET', '/sessions', { token: account.token })).body;
    expect((await call(server(), 'DELETE', `/sessions/${sessions[0]!.session_id}`, { token: account.token })).status).toBe(200);
    expect((await call(server(), 'GET', '/users', { token: account.token })).status).toBe(401);
  });
});

describe('PUT /me', () => {
  it('changes my names (trimmed) and every online user receives user_updated', async () => {
    const account = await signUp(server(), { first: 'Ada', last: 'Lovelace' });
    const watcher = await signUp(server());
    const socket = await connect(server().url, watcher.token);
    const updated = nextEvent(socket, 'user_updated', (event) => event.user_id === account.user.user_id);
    const reply = await call(server(), 'PUT', '/me', { token: account.token, body: { first_name: '  Augusta ', last_name: 'King' } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ user: { user_id: account.user.user_id, email: account.email, first_name: 'Augusta', last_name: 'King' } });
    expect(await updated).toEqual({ user_id: account.user.user_id, first_name: 'Augusta', last_name: 'King' });
    const users = await call<{ users: { user_id: number; first_name: string }[] }>(server(), 'GET', '/users', { token: watcher.token });
    expect(users.body.users.find((u) => u.user_id === account.user.user_id)?.first_name).toBe('Augusta');
    const login = await loginAs(account);
    expect(login.body).toMatchObject({ user: { first_name: 'Augusta', last_name: 'King' } });
  });

  it('what my open sockets announce later carries the new names', async () => {
    const account = await signUp(server(), { first: 'Old', last: 'Name' });
    const watcher = await signUp(server());
    const group = await call<{ chat_group_id: number }>(server(), 'POST', '/chat_groups', {
      token: watcher.token,
      body: { chat_group_name: `Renames ${account.user.user_id}` },
    });
    const groupId = group.body.chat_group_id;
    const watcherSocket = await connect(server().url, watcher.token);
    await call(server(), 'GET', `/chat_groups/${groupId}`, { token: watcher.token });
    const socket = await connect(server().url, account.token);
    const entered = nextEvent(watcherSocket, 'group_presence', (event) => JSON.stringify(event).includes('"present":true'));
    await call(server(), 'GET', `/chat_groups/${groupId}`, { token: account.token });
    await entered;
    // Past the coalescing window: one who enters and leaves inside it is announced neither way.
    await sleep(300);
    await call(server(), 'PUT', '/me', { token: account.token, body: { first_name: 'New', last_name: 'Name' } });
    const left = nextEvent(watcherSocket, 'group_presence', (event) => JSON.stringify(event).includes('"present":false'));
    socket.disconnect();
    expect(JSON.stringify(await left)).toContain('"first_name":"New"');
  });

  it('bad names answer 400 naming each field, and nothing is announced', async () => {
    const account = await signUp(server(), { first: 'Kept', last: 'Name' });
    const socket = await connect(server().url, account.token);
    const events = collect(socket, 'user_updated');
    const empty = await call(server(), 'PUT', '/me', { token: account.token, body: { first_name: '   ', last_name: 'x'.repeat(65) } });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: { code: 'invalid_input', fields: { first_name: expect.any(String), last_name: expect.any(String) } } });
    const invisible = await call(server(), 'PUT', '/me', { token: account.token, body: { first_name: 'A\u200bda', last_name: 'B' } });
    expect(invisible.status).toBe(400);
    const missing = await call(server(), 'PUT', '/me', { token: account.token, body: { first_name: 'Only' } });
    expect(missing.status).toBe(400);
    await sleep(100);
    expect(events).toEqual([]);
    expect((await loginAs(account)).body).toMatchObject({ user: { first_name: 'Kept' } });
  });

  it('needs a token', async () => {
    expect((await call(server(), 'PUT', '/me', { body: { first_name: 'A', last_name: 'B' } })).status).toBe(401);
  });
});
