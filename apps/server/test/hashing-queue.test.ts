import { rateLimitDefaults } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { createHashingQueue } from '../src/auth/hashing-queue.js';
import { createPasswords } from '../src/auth/passwords.js';
import { call, signUp, uniqueEmail } from './support/http.js';
import { useServer } from './support/server.js';

// One hash at a time and none waiting, so a test that holds the one slot fills the queue.
const queue = createHashingQueue({ concurrency: 1, maxWaiting: 0, retryAfterSeconds: 2 });
const server = useServer({
  passwords: createPasswords({ logN: 10, r: 8, p: 1 }, queue),
  env: { RATE_LIMITS: 'on', TRUST_PROXY: '127.0.0.1' },
});

/** Runs `during` while the hashing queue is full, then frees it. */
async function whileQueueIsFull<T>(during: () => Promise<T>): Promise<T> {
  let free = () => {};
  const held = queue.run(() => new Promise<void>((resolve) => (free = resolve)));
  try {
    return await during();
  } finally {
    free();
    await held;
  }
}

let address = 0;
const nextAddress = () => `192.0.2.${++address}`;

function login(email: string, password: string, clientAddress = nextAddress()) {
  return call(server(), 'POST', '/login', { headers: { 'x-forwarded-for': clientAddress }, body: { email, password } });
}

function expectUnavailable(reply: Awaited<ReturnType<typeof call>>): void {
  expect(reply.status).toBe(503);
  expect(reply.body).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
  expect(reply.headers.get('retry-after')).toBe('2');
}

describe('the bounded hashing queue', () => {
  it('a login while the queue is full answers 503 unavailable with Retry-After at once, and works once it drains', async () => {
    const me = await signUp(server());
    const refused = await whileQueueIsFull(() => login(me.email, me.password));
    expectUnavailable(refused);
    expect((await login(me.email, me.password)).status).toBe(200);
  });

  it('an unknown address and a registration are refused the same way: every scrypt goes through the queue', async () => {
    const [unknown, registration] = await whileQueueIsFull(() =>
      Promise.all([
        login(uniqueEmail(), 'whatever pw'),
        call(server(), 'POST', '/register', {
          headers: { 'x-forwarded-for': nextAddress() },
          body: { email: uniqueEmail(), password: 'a good password', first_name: 'Q', last_name: 'Full' },
        }),
      ]),
    );
    expectUnavailable(unknown);
    expectUnavailable(registration);
  });

  it('the per-address login limit answers before anything is hashed', async () => {
    const from = nextAddress();
    for (let i = 0; i < rateLimitDefaults.loginsPerAddress; i++) {
      expect((await login(uniqueEmail(), 'whatever pw', from)).status).toBe(401);
    }
    const [limited, other] = await whileQueueIsFull(() =>
      Promise.all([login(uniqueEmail(), 'whatever pw', from), login(uniqueEmail(), 'whatever pw')]),
    );
    expect(limited.status).toBe(429);
    expectUnavailable(other);
  });
});
