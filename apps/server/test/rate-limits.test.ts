import { rateLimitDefaults } from '@parley/shared';
import { describe, expect, it, vi } from 'vitest';
import { call, signUp, uniqueEmail } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, send, sleep } from './support/sockets.js';

// Rate limits on, and the test runner counted as a proxy so X-Forwarded-For picks the address.
const server = useServer({ env: { RATE_LIMITS: 'on', TRUST_PROXY: '127.0.0.1' } });

let address = 0;
/** A distinct client address per test, so the per-address limit of one test does not leak. */
const nextAddress = () => `203.0.113.${++address}`;

function register(email: string, clientAddress: string) {
  return call(server(), 'POST', '/register', {
    headers: { 'x-forwarded-for': clientAddress },
    body: { email, password: 'a good password', first_name: 'Rate', last_name: 'Limit' },
  });
}

function login(email: string, password: string, clientAddress: string) {
  return call(server(), 'POST', '/login', { headers: { 'x-forwarded-for': clientAddress }, body: { email, password } });
}

describe('rate limits', () => {
  it('registration: 5 an hour per email address, then 429 with Retry-After', async () => {
    const email = uniqueEmail();
    for (let i = 0; i < 5; i++) expect((await register(email, nextAddress())).status).toBe(202);
    const limited = await register(email, nextAddress());
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('registration: 20 an hour per client address', async () => {
    const from = nextAddress();
    for (let i = 0; i < 20; i++) expect((await register(uniqueEmail(), from)).status).toBe(202);
    expect((await register(uniqueEmail(), from)).status).toBe(429);
    expect((await register(uniqueEmail(), nextAddress())).status).toBe(202);
  });

  it('a refused registration is one answer for an address with an account, a pending one, or none', async () => {
    const account = await signUp(server());
    for (let i = 0; i < 4; i++) expect((await register(account.email, nextAddress())).status).toBe(202);
    // The two addresses' windows begin more than a second apart: a wait counted from either
    // window would tell them apart.
    await sleep(1_100);
    const pending = uniqueEmail();
    for (let i = 0; i < 5; i++) expect((await register(pending, nextAddress())).status).toBe(202);
    const from = nextAddress();
    for (let i = 0; i < 20; i++) expect((await register(uniqueEmail(), from)).status).toBe(202);

    const answers = [
      await register(account.email, nextAddress()),
      await register(pending, nextAddress()),
      await register(account.email, from),
      await register(pending, from),
      await register(uniqueEmail(), from),
    ].map((reply) => ({ status: reply.status, body: reply.body, retryAfter: reply.headers.get('retry-after') }));
    expect(answers[0]).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('registration: a refused client address does not count against the email addresses it tries', async () => {
    const from = nextAddress();
    for (let i = 0; i < 20; i++) expect((await register(uniqueEmail(), from)).status).toBe(202);
    const email = uniqueEmail();
    for (let i = 0; i < 5; i++) expect((await register(email, from)).status).toBe(429);
    for (let i = 0; i < 5; i++) expect((await register(email, nextAddress())).status).toBe(202);
  });

  it('registration: IPv6 clients count by their /64', async () => {
    for (let i = 1; i <= 20; i++) {
      expect((await register(uniqueEmail(), `2001:db8:64:1::${i.toString(16)}`)).status).toBe(202);
    }
    expect((await register(uniqueEmail(), '2001:db8:64:1:ffff:ffff:ffff:ffff')).status).toBe(429);
    expect((await register(uniqueEmail(), '2001:db8:64:2::1')).status).toBe(202);
  });

  it('registration: an IPv4-mapped IPv6 client counts as its IPv4 address', async () => {
    const v4 = nextAddress();
    for (let i = 0; i < 20; i++) expect((await register(uniqueEmail(), `::ffff:${v4}`)).status).toBe(202);
    expect((await register(uniqueEmail(), v4)).status).toBe(429);
  });

  it('logins: a client address gets 30 attempts a minute, whatever the emails, even with the right password', async () => {
    const me = await signUp(server());
    const from = nextAddress();
    for (let i = 0; i < rateLimitDefaults.loginsPerAddress; i++) {
      expect((await login(uniqueEmail(), 'whatever pw', from)).status).toBe(401);
    }
    const refused = await login(me.email, me.password, from);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(me.email, me.password, nextAddress())).status).toBe(200);
  });

  it('failed logins: 10 per 15 minutes per address, then 429 even with the right password', async () => {
    const me = await signUp(server());
    for (let i = 0; i < 10; i++) expect((await login(me.email, 'wrong password', nextAddress())).status).toBe(401);
    const right = await login(me.email, me.password, nextAddress());
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('failed logins count for unknown addresses too', async () => {
    const email = uniqueEmail();
    for (let i = 0; i < 10; i++) await login(email, 'whatever pw', nextAddress());
    expect((await login(email, 'whatever pw', nextAddress())).status).toBe(429);
  });

  // The clock stands still while a burst is sent, so a busy machine earns no refill in between.
  it('messages: 20 at once then refused, 5 more a second later, all 20 after 4 s of quiet, across two sockets', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const sockets = [await connect(server().url, ada.token), await connect(server().url, ada.token)];
    const burst = (n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          send(sockets[i % 2]!, { chat_type: 'room', other_user_id: bob.user.user_id, message: `m${i}` }),
        ),
      );
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const first = await burst(21);
      expect(first.filter((ack) => ack.ok)).toHaveLength(20);
      expect(first.filter((ack) => !ack.ok)).toEqual([{ ok: false, error: { code: 'rate_limited', message: expect.any(String) } }]);
      vi.setSystemTime(Date.now() + 1_000);
      expect((await burst(6)).filter((ack) => ack.ok)).toHaveLength(5);
      // Four quiet seconds refill the whole bucket, however it was spent before.
      vi.setSystemTime(Date.now() + 4_000);
      expect((await burst(21)).filter((ack) => ack.ok)).toHaveLength(20);
    } finally {
      vi.useRealTimers();
    }
  });

  it('messages: the bucket refills with real time too', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const burst = (n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) => send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: `b${i}` })),
      );
    expect((await burst(25)).filter((ack) => !ack.ok).length).toBeGreaterThan(0);
    await sleep(1_000);
    expect((await burst(5)).every((ack) => ack.ok)).toBe(true);
  });
});
