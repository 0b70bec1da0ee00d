import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildUrl } from '../../src/main/api/http-client.js';
import { createParleyApi } from '../../src/main/api/parley-api.js';

let server: Server;
let base: string;
let seen: { method: string; url: string; auth: string | undefined; body: string }[];
let reply: (req: IncomingMessage) => { status: number; body: string };
let token: string | null;
let unauthorized: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authentication as string | undefined, body });
      const answer = reply(req);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  token = 'tok_1';
  unauthorized = 0;
});

const api = () => createParleyApi({ fetch, baseUrl: () => base, token: () => token, onUnauthorized: () => unauthorized++ });

describe('REST client', () => {
  it('sends the token in the authentication header and parses the answer', async () => {
    reply = () => ({ status: 200, body: JSON.stringify({ users: [{ user_id: 1, first_name: 'Ada', last_name: 'L', online: true }] }) });
    expect(await api().users()).toEqual({ ok: true, value: { users: [{ user_id: 1, first_name: 'Ada', last_name: 'L', online: true }] } });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/users', auth: 'tok_1' });
  });

  it('login sends no token and the request body as JSON', async () => {
    reply = () => ({ status: 200, body: JSON.stringify({ token: 't', user: { user_id: 1, email: 'a@b.co', first_name: 'A', last_name: 'B' } }) });
    await api().login({ email: 'a@b.co', password: 'pw' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/login', auth: undefined, body: '{"email":"a@b.co","password":"pw"}' });
  });

  it('history pages travel as query parameters', async () => {
    reply = () => ({ status: 200, body: JSON.stringify({ messages: [], has_more: false }) });
    await api().botHistory({ until: 812 });
    await api().botHistory({});
    expect(seen.map((s) => s.url)).toEqual(['/chat_bot?until=812', '/chat_bot']);
  });

  it("a protocol error comes back as the server's error", async () => {
    reply = () => ({ status: 403, body: JSON.stringify({ error: { code: 'forbidden', message: 'Only the author may rename.' } }) });
    expect(await api().renameGroup(1, 'New')).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only the author may rename.' } });
    expect(seen[0]).toMatchObject({ method: 'PUT', url: '/chat_groups/1', body: '{"chat_group_name":"New"}' });
  });

  it('a 401 reports the session as over', async () => {
    reply = () => ({ status: 401, body: JSON.stringify({ error: { code: 'unauthorized', message: 'Sign in.' } }) });
    expect(await api().notifications()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(unauthorized).toBe(1);
  });

  it('wrong credentials at login do not count as a lost session', async () => {
    reply = () => ({ status: 401, body: JSON.stringify({ error: { code: 'invalid_credentials', message: 'No.' } }) });
    expect(await api().login({ email: 'a@b.co', password: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    expect(unauthorized).toBe(0);
  });

  it('an answer of the wrong shape is an error, never passed on', async () => {
    reply = () => ({ status: 200, body: JSON.stringify({ users: [{ user_id: 'one' }] }) });
    expect(await api().users()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('an error status without the protocol body keeps its meaning', async () => {
    reply = () => ({ status: 429, body: 'slow down' });
    expect(await api().users()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('no token: the call is not even sent', async () => {
    token = null;
    expect(await api().users()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(seen).toEqual([]);
  });

  it('no server chosen: a clear error', async () => {
    const none = createParleyApi({ fetch, baseUrl: () => null, token: () => 't' });
    expect(await none.users()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('an unreachable server is an error, not a throw', async () => {
    const gone = createParleyApi({ fetch, baseUrl: () => 'http://127.0.0.1:1', token: () => 't' });
    expect(await gone.users()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('paths are joined to the base without losing or doubling slashes', () => {
    expect(buildUrl('http://h:1', '/users')).toBe('http://h:1/users');
    expect(buildUrl('http://h:1/', '/chat_rooms/3', { until: 5, after: undefined })).toBe('http://h:1/chat_rooms/3?until=5');
  });
});
