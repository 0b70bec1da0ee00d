import { describe, expect, it } from 'vitest';
import { call, uniqueEmail } from './support/http.js';
import { useServer } from './support/server.js';

const server = useServer({
  mailer: {
    send: () => Promise.reject(new Error('SMTP is down: connection refused')),
    close: () => undefined,
  },
});

describe('unexpected failures', () => {
  it('answer 500 internal without a stack trace, and are logged', async () => {
    const reply = await call(server(), 'POST', '/register', {
      body: { email: uniqueEmail(), password: 'a good password', first_name: 'A', last_name: 'B' },
    });
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(reply.text).not.toContain('SMTP is down');
    expect(reply.text).not.toMatch(/\bat .*\.ts:\d+/);
    expect(server().logs.text).toContain('SMTP is down');
  });
});
