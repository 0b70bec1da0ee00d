import { describe, expect, it } from 'vitest';
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

  it('failed logins: 10 per 15 minutes per address, then 429 even with the right password', async () => {
    const me = await signUp(server());
    for (let i = 0; i < 10; i++) {
      const wrong = await call(server(), 'POST', '/login', { body: { email: me.email, password: 'wrong password' } });
      expect(wrong.status).toBe(401);
    }
    const right = await call(server(), 'POST', '/login', { body: { email: me.email, password: me.password } });
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('failed logins count for unknown addresses too', async () => {
    const email = uniqueEmail();
    for (let i = 0; i < 10; i++) await call(server(), 'POST', '/login', { body: { email, password: 'whatever pw' } });
    expect((await call(server(), 'POST', '/login', { body: { email, password: 'whatever pw' } })).status).toBe(429);
  });

  // Timing on a busy machine is loose: a burst that takes longer than a second earns refills, so
  // these assert the bounds the limiter guarantees rather than exact counts.
  it('messages: a burst of 20 passes and the rest of a flood is rate_limited, across a user’s sockets', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const first = await connect(server().url, ada.token);
    const second = await connect(server().url, ada.token);
    const started = Date.now();
    const acks = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        send(i % 2 === 0 ? first : second, { chat_type: 'room', other_user_id: bob.user.user_id, message: `m${i}` }),
      ),
    );
    const seconds = Math.ceil((Date.now() - started) / 1000);
    const ok = acks.filter((ack) => ack.ok).length;
    expect(ok).toBeGreaterThanOrEqual(20);
    expect(ok).toBeLessThanOrEqual(20 + 5 * seconds);
    expect(acks.filter((ack) => !ack.ok).length).toBeGreaterThan(0);
    for (const ack of acks.filter((a) => !a.ok)) {
      expect(ack).toEqual({ ok: false, error: { code: 'rate_limited', message: expect.any(String) } });
    }
  });

  it('messages: once the burst is spent, about 5 a second pass', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const burst = (n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) => send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: `b${i}` })),
      );
    await burst(25);
    await sleep(1_100);
    const next = await burst(12);
    const ok = next.filter((ack) => ack.ok).length;
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(ok).toBeLessThan(12);
  });
});
