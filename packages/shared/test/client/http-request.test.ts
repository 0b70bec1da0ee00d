import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { usersResponseSchema } from '../../src/index.js';
import { buildUrl, httpRequest, type HttpDeps, type HttpRequest } from '../../src/client/index.js';
import { startFakeServer, type FakeServer } from './fake-server.js';

let server: FakeServer;
let token: string | null;
let unauthorized: number;

beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  token = 'tok_1';
  unauthorized = 0;
});

function deps(overrides: Partial<HttpDeps> = {}): HttpDeps {
  return { fetch, baseUrl: () => server.base, token: () => token, onUnauthorized: () => unauthorized++, ...overrides };
}

const getUsers: HttpRequest = { method: 'GET', path: '/users' };
const ada = { user_id: 1, first_name: 'Ada', last_name: 'Lovelace', online: true };

describe('REST request', () => {
  it('sends the token in the authentication header and returns the parsed answer', async () => {
    server.json(200, { users: [ada] });
    expect(await httpRequest(deps(), getUsers, usersResponseSchema)).toEqual({ ok: true, value: { users: [ada] } });
    expect(server.seen[0]).toMatchObject({ method: 'GET', url: '/users', authentication: 'tok_1' });
  });

  it('a call made before sign-in sends no token, even when one is stored', async () => {
    server.json(200, { users: [] });
    await httpRequest(deps(), { ...getUsers, authenticated: false }, usersResponseSchema);
    expect(server.seen[0]?.authentication).toBeUndefined();
  });

  it('a body travels as JSON with its content type', async () => {
    server.json(200, { users: [] });
    await httpRequest(deps(), { method: 'POST', path: '/users', body: { a: 1 } }, usersResponseSchema);
    expect(server.seen[0]).toMatchObject({ method: 'POST', contentType: 'application/json', body: '{"a":1}' });
  });

  it("a protocol error comes back as the server's error, fields included", async () => {
    const error = { code: 'invalid_input', message: 'Some fields are not valid.', fields: { email: 'must be an email address' } };
    server.json(400, { error });
    expect(await httpRequest(deps(), getUsers, usersResponseSchema)).toEqual({ ok: false, error });
  });

  it('a 401 on an authenticated call reports the session as over', async () => {
    server.json(401, { error: { code: 'unauthorized', message: 'Sign in.' } });
    expect(await httpRequest(deps(), getUsers, usersResponseSchema)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(unauthorized).toBe(1);
  });

  it('an unauthorized answer to a call made without a token ends no session', async () => {
    server.json(401, { error: { code: 'unauthorized', message: 'Sign in.' } });
    await httpRequest(deps(), { ...getUsers, authenticated: false }, usersResponseSchema);
    expect(unauthorized).toBe(0);
  });

  it('an answer of the wrong shape is an error, never passed on', async () => {
    server.json(200, { users: [{ user_id: 'one' }] });
    expect(await httpRequest(deps(), getUsers, usersResponseSchema)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('an answer that is not JSON is an error, never a throw', async () => {
    server.answer(() => ({ status: 200, body: '<html>hello</html>', headers: { 'content-type': 'text/html' } }));
    expect(await httpRequest(deps(), getUsers, usersResponseSchema)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('an error status without the protocol body keeps its meaning', async () => {
    server.answer(() => ({ status: 429, body: 'slow down', headers: { 'content-type': 'text/plain' } }));
    expect(await httpRequest(deps(), getUsers, usersResponseSchema)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('a bare 401 means unauthorized, not invalid credentials, and ends the session', async () => {
    server.answer(() => ({ status: 401, body: '' }));
    expect(await httpRequest(deps(), getUsers, usersResponseSchema)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(unauthorized).toBe(1);
  });

  it('a status the protocol does not know is an internal error', async () => {
    server.answer(() => ({ status: 502, body: 'Bad Gateway' }));
    expect(await httpRequest(deps(), getUsers, usersResponseSchema)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The server answered with status 502.' },
    });
  });

  it('without a token an authenticated call is not even sent', async () => {
    token = null;
    expect(await httpRequest(deps(), getUsers, usersResponseSchema)).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Sign in first.' },
    });
    expect(server.seen).toEqual([]);
  });

  it('without a server chosen a call asks for one', async () => {
    expect(await httpRequest(deps({ baseUrl: () => null }), getUsers, usersResponseSchema)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Choose a server first.' },
    });
  });

  it('an unreachable server is an error value that says so, not a throw', async () => {
    const result = await httpRequest(deps({ baseUrl: () => 'http://127.0.0.1:1' }), getUsers, usersResponseSchema);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Cannot reach the server. Check your connection.' } });
  });

  it('a server that does not answer in time gives up with a timeout error', async () => {
    server.answer(() => null);
    const started = Date.now();
    const result = await httpRequest(deps({ timeoutMs: 200 }), getUsers, usersResponseSchema);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/in time/) } });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a redirect is refused, so the token never follows it', async () => {
    server.answer((req) => (req.url === '/users' ? { status: 302, body: '', headers: { location: '/elsewhere' } } : { status: 200, body: '{"users":[]}' }));
    expect(await httpRequest(deps(), getUsers, usersResponseSchema)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(server.seen.map((s) => s.url)).toEqual(['/users']);
  });
});

describe('request URL', () => {
  it('joins a path to the base without losing or doubling slashes', () => {
    expect(buildUrl('http://h:1', '/users')).toBe('http://h:1/users');
    expect(buildUrl('http://h:1/', '/users')).toBe('http://h:1/users');
  });

  it('keeps a path prefix of the base', () => {
    expect(buildUrl('https://h/parley', '/chat_rooms/3')).toBe('https://h/parley/chat_rooms/3');
  });

  it('puts the defined query values in the query string and leaves out the others', () => {
    expect(buildUrl('http://h:1', '/chat_rooms/3', { until: 5, after: undefined })).toBe('http://h:1/chat_rooms/3?until=5');
  });
});
