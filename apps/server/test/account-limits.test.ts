import { rateLimitDefaults } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { call, signUp, uniqueEmail } from './support/http.js';
import { useServer } from './support/server.js';

// Rate limits on, and the test runner counted as a proxy so X-Forwarded-For picks the address.
const server = useServer({ env: { RATE_LIMITS: 'on', TRUST_PROXY: '127.0.0.1' } });

let address = 0;
/** A distinct client address per call unless given, so the per-address limit of one test does not leak. */
const nextAddress = () => `198.51.100.${++address}`;

function askReset(email: string, clientAddress = nextAddress()) {
  return call(server(), 'POST', '/password_reset', { headers: { 'x-forwarded-for': clientAddress }, body: { email } });
}

function register(email: string, clientAddress = nextAddress()) {
  return call(server(), 'POST', '/register', {
    headers: { 'x-forwarded-for': clientAddress },
    body: { email, password: 'a good password', first_name: 'Rate', last_name: 'Limit' },
  });
}

describe('password reset limits', () => {
  it('5 an hour per email address, then 429 with Retry-After; the same answer for an address without an account', async () => {
    const account = await signUp(server());
    const unknown = uniqueEmail();
    const refusals = [];
    for (const email of [account.email, unknown]) {
      for (let i = 0; i < rateLimitDefaults.passwordResetsPerEmailPerHour; i++) expect((await askReset(email)).status).toBe(202);
      const limited = await askReset(email);
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
      refusals.push({ body: limited.body, retryAfter: limited.headers.get('retry-after') });
    }
    expect(Number(refusals[0]!.retryAfter)).toBeGreaterThan(0);
    expect(refusals[1]).toEqual(refusals[0]);
  });

  it('20 an hour per client address', async () => {
    const from = nextAddress();
    for (let i = 0; i < rateLimitDefaults.passwordResetsPerAddressPerHour; i++) expect((await askReset(uniqueEmail(), from)).status).toBe(202);
    expect((await askReset(uniqueEmail(), from)).status).toBe(429);
    expect((await askReset(uniqueEmail())).status).toBe(202);
  });

  it('is counted apart from registration, both ways', async () => {
    const email = uniqueEmail();
    for (let i = 0; i < rateLimitDefaults.registrationsPerEmailPerHour; i++) expect((await register(email)).status).toBe(202);
    expect((await register(email)).status).toBe(429);
    expect((await askReset(email)).status).toBe(202);

    const other = uniqueEmail();
    for (let i = 0; i < rateLimitDefaults.passwordResetsPerEmailPerHour; i++) expect((await askReset(other)).status).toBe(202);
    expect((await askReset(other)).status).toBe(429);
    expect((await register(other)).status).toBe(202);
  });
});

describe('PUT /password and the failed-login limit', () => {
  it('a wrong current password counts as a failed login; while the address is locked both login and PUT /password answer 429', async () => {
    const account = await signUp(server());
    const change = (current: string) =>
      call(server(), 'PUT', '/password', {
        token: account.token,
        headers: { 'x-forwarded-for': nextAddress() },
        body: { current_password: current, new_password: 'a changed password' },
      });
    for (let i = 0; i < rateLimitDefaults.failedLoginsPerEmail; i++) expect((await change('a wrong guess')).status).toBe(401);
    const login = await call(server(), 'POST', '/login', {
      headers: { 'x-forwarded-for': nextAddress() },
      body: { email: account.email, password: account.password },
    });
    expect(login.status).toBe(429);
    const locked = await change(account.password);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Nothing changed: the session is alive.
    expect((await call(server(), 'GET', '/users', { token: account.token })).status).toBe(200);
  });

  it('failed logins count toward PUT /password too', async () => {
    const account = await signUp(server());
    for (let i = 0; i < rateLimitDefaults.failedLoginsPerEmail; i++) {
      const wrong = await call(server(), 'POST', '/login', {
        headers: { 'x-forwarded-for': nextAddress() },
        body: { email: account.email, password: 'a wrong guess' },
      });
      expect(wrong.status).toBe(401);
    }
    const locked = await call(server(), 'PUT', '/password', {
      token: account.token,
      body: { current_password: account.password, new_password: 'a changed password' },
    });
    expect(locked.status).toBe(429);
  });
});

describe('PUT /me limit', () => {
  it(`a burst of ${rateLimitDefaults.writes.profileUpdate.burst}, then 429`, async () => {
    const account = await signUp(server());
    for (let i = 0; i < rateLimitDefaults.writes.profileUpdate.burst; i++) {
      expect((await call(server(), 'PUT', '/me', { token: account.token, body: { first_name: `N${i}`, last_name: 'L' } })).status).toBe(200);
    }
    expect((await call(server(), 'PUT', '/me', { token: account.token, body: { first_name: 'Late', last_name: 'L' } })).status).toBe(429);
  });
});
