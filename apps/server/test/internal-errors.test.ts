import type { Mailer } from '../src/mail/mailer.js';
import { describe, expect, it } from 'vitest';
import { call, uniqueEmail } from './support/http.js';
import { useServer } from './support/server.js';

const brokenMailer: Mailer = {
  send: () => Promise.reject(new Error('SMTP is down: connection refused')),
  close: () => undefined,
};
const server = useServer({ mailer: brokenMailer });
const quiet = useServer({ mailer: brokenMailer, logLevel: 'warn' });

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

describe('at LOG_LEVEL=warn', () => {
  it('requests leave no lines, and an unexpected failure leaves one', async () => {
    expect((await call(quiet(), 'GET', '/health')).status).toBe(200);
    expect((await call(quiet(), 'GET', '/users')).status).toBe(401);
    expect(quiet().logs.text).toBe('');
    const reply = await call(quiet(), 'POST', '/register', {
      body: { email: uniqueEmail(), password: 'a good password', first_name: 'A', last_name: 'B' },
    });
    expect(reply.status).toBe(500);
    // One line, the error handler's: not a second one of pino-http's about the same 500.
    expect(quiet().logs.lines).toHaveLength(1);
    expect(quiet().logs.text).toContain('SMTP is down');
  });
});
