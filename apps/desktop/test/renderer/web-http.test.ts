import { afterEach, describe, expect, it, vi } from 'vitest';
import { usersResponseSchema } from '@parley/shared';
import { createHttpClient, pageQuery } from '../../src/renderer/src/bridge/web-http';

function client(token: string | null = 'tok', onUnauthorized = vi.fn()) {
  return { http: createHttpClient({ baseUrl: 'http://127.0.0.1:1', getToken: () => token, onUnauthorized }), onUnauthorized };
}

function answer(status: number, body: unknown) {
  vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('web bridge HTTP', () => {
  it('sends the token in the authentication header', async () => {
    answer(200, { users: [] });
    await client().http.request('GET', '/users', usersResponseSchema);
    const init = vi.mocked(fetch).mock.calls[0]?.[1];
    expect((init?.headers as Record<string, string>).authentication).toBe('tok');
  });

  it('returns the protocol error with its fields', async () => {
    answer(400, { error: { code: 'invalid_input', message: 'bad', fields: { email: 'must be an email address' } } });
    const result = await client().http.request('POST', '/register', usersResponseSchema, {});
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: 'bad', fields: { email: 'must be an email address' } } });
  });

  it('a 401 on an authenticated call ends the session', async () => {
    answer(401, { error: { code: 'unauthorized', message: 'no' } });
    const { http, onUnauthorized } = client();
    await http.request('GET', '/users', usersResponseSchema);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('a wrong password does not end a session that does not exist', async () => {
    answer(401, { error: { code: 'invalid_credentials', message: 'no' } });
    const { http, onUnauthorized } = client(null);
    const result = await http.request('POST', '/login', usersResponseSchema, {});
    expect([result.ok, onUnauthorized.mock.calls.length]).toEqual([false, 0]);
  });

  it('an answer that does not match the schema is refused, not trusted', async () => {
    answer(200, { users: [{ user_id: 'one' }] });
    const result = await client().http.request('GET', '/users', usersResponseSchema);
    expect(result.ok ? null : result.error.code).toBe('internal');
  });

  it('a server that cannot be reached gives an error value, never a throw', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('failed to fetch'))));
    const result = await client().http.request('GET', '/users', usersResponseSchema);
    expect(result.ok ? null : result.error.message).toMatch(/Cannot reach/);
  });

  it('history pages carry until or after as query parameters', () => {
    expect([pageQuery({}), pageQuery({ until: 812 }), pageQuery({ after: 5 })]).toEqual(['', '?until=812', '?after=5']);
  });
});
