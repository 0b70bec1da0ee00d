import { describe, expect, it } from 'vitest';
import { call, signUp } from './support/http.js';
import { useServer } from './support/server.js';

const server = useServer({ env: { ALLOWED_ORIGINS: 'https://chat.example.org, https://other.example.org' } });

describe('the server answers every request in the protocol’s shape', () => {
  it('GET /health answers 200 {status: ok}', async () => {
    const reply = await call(server(), 'GET', '/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok' });
  });

  it('an unknown route answers 404 not_found as JSON', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['POST', '/chat_rooms'],
      ['DELETE', '/users'],
    ] as const) {
      const reply = await call(server(), method, path);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
  });

  it('a body that is not JSON answers 400 invalid_input', async () => {
    const reply = await call(server(), 'POST', '/login', { raw: '{"email": ' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: 'invalid_input' } });
    expect(reply.text).not.toContain('at ');
  });

  it('a body over 64 KiB answers 413 payload_too_large', async () => {
    const reply = await call(server(), 'POST', '/register', {
      body: { email: 'big@example.com', password: 'x'.repeat(70 * 1024), first_name: 'A', last_name: 'B' },
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('a body that is JSON but not an object says so, not “not valid JSON”', async () => {
    for (const raw of ['[1]', '"x"', '3']) {
      const reply = await call(server(), 'POST', '/login', { raw });
      expect(reply.status, raw).toBe(400);
      expect(reply.body, raw).toMatchObject({ error: { code: 'invalid_input', fields: { _: 'must be a JSON object' } } });
      expect(reply.text, raw).not.toContain('not valid JSON');
    }
    for (const raw of ['"x"', '3']) {
      const reply = await call(server(), 'POST', '/login', { raw });
      expect(reply.body).toMatchObject({ error: { message: 'The request body must be a JSON object.' } });
    }
  });

  it('a JSON array or a missing body answers 400 with fields', async () => {
    const array = await call(server(), 'POST', '/login', { raw: '[1,2]' });
    expect(array.status).toBe(400);
    const empty = await call(server(), 'POST', '/register');
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: { code: 'invalid_input', fields: expect.any(Object) } });
  });
});

describe('malformed URLs', () => {
  it('bad percent-encoding anywhere answers 400 invalid_input, never a 5xx', async () => {
    const me = await signUp(server());
    for (const [method, path] of [
      ['GET', '/chat_rooms/%ff'],
      ['GET', '/chat_groups/%E0%A4%A'],
      ['PUT', '/chat_groups/%ff'],
      ['GET', '/register/%ff'],
      ['GET', '/%ff'],
      ['GET', '/app/%ff'],
      ['GET', '/chat_bot?until=%ff'],
      ['GET', '/chat_rooms/1?until=%ff'],
      ['GET', '/health?x=%'],
    ] as const) {
      const reply = await call(server(), method, path, { token: me.token, body: method === 'PUT' ? {} : undefined });
      expect(reply.status, `${method} ${path}`).toBe(400);
      expect(reply.body, `${method} ${path}`).toEqual({
        error: { code: 'invalid_input', message: expect.any(String), fields: { url: expect.any(String) } },
      });
    }
  });

  it('a well-encoded URL is decoded as before', async () => {
    const reply = await call(server(), 'GET', '/register/%41bc');
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('caching', () => {
  it('every REST answer carries Cache-Control: no-store, errors and pages included', async () => {
    const me = await signUp(server());
    const replies = [
      await call(server(), 'GET', '/health'),
      await call(server(), 'GET', '/users', { token: me.token }),
      await call(server(), 'GET', '/users'),
      await call(server(), 'GET', '/nope'),
      await call(server(), 'GET', '/chat_rooms/%ff', { token: me.token }),
      await call(server(), 'POST', '/login', { raw: '{' }),
      await call(server(), 'GET', '/register/unknown-token', { headers: { accept: 'text/html' } }),
      await call(server(), 'GET', '/health', { headers: { origin: 'https://evil.example.com' } }),
      await call(server(), 'GET', '/'),
      await call(server(), 'GET', '/app/'),
    ];
    for (const reply of replies) expect(reply.headers.get('cache-control'), `${reply.status} ${reply.text}`).toBe('no-store');
  });
});

describe('origins', () => {
  it('a request without Origin is allowed', async () => {
    expect((await call(server(), 'GET', '/health')).status).toBe(200);
  });

  it('a foreign browser origin is refused with 403 and no CORS allowance', async () => {
    const reply = await call(server(), 'GET', '/health', { headers: { origin: 'https://evil.example.com' } });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ error: { code: 'forbidden' } });
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a foreign preflight is refused', async () => {
    const reply = await call(server(), 'OPTIONS', '/login', {
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    expect(reply.status).toBe(403);
  });

  it('the server’s own origin, PUBLIC_URL and ALLOWED_ORIGINS are allowed', async () => {
    const own = new URL(server().url).origin;
    for (const origin of [own, server().settings.publicUrl, 'https://chat.example.org', 'https://other.example.org']) {
      const reply = await call(server(), 'GET', '/health', { headers: { origin } });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });

  it('an allowed origin’s preflight lists the auth headers', async () => {
    const reply = await call(server(), 'OPTIONS', '/notifications', {
      headers: {
        origin: 'https://chat.example.org',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authentication, content-type',
      },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers.get('access-control-allow-headers')).toContain('authentication');
  });
});

describe('tokens in the wrong form', () => {
  it('a malformed Authorization header answers 401', async () => {
    const me = await signUp(server());
    const reply = await call(server(), 'GET', '/users', { headers: { authorization: `Basic ${me.token}` } });
    expect(reply.status).toBe(401);
  });
});
