import { randomBytes } from 'node:crypto';
import { rateLimitDefaults } from '@parley/shared';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimits } from '../src/http/rate-limits.js';
import { redisTokenBucketLimiter } from '../src/limits/redis-token-bucket.js';

/*
 * The limits several nodes share through Redis: two `RateLimits` made on two Redis connections
 * stand for two nodes. The database plays no part; the file runs in both projects.
 */
const redisUrl = process.env.PARLEY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `parley-test-${randomBytes(4).toString('hex')}`;
const clients = [createClient({ url: redisUrl }), createClient({ url: redisUrl })];

beforeAll(async () => {
  await Promise.all(clients.map((c) => c.connect()));
});
afterAll(async () => {
  for await (const keys of clients[0]!.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) if (keys.length > 0) await clients[0]!.del(keys);
  await Promise.all(clients.map((c) => c.quit()));
});

describe('rate limits shared through Redis', () => {
  it('a token bucket is one bucket for every node: the burst, then a refusal with the wait', async () => {
    const [one, two] = clients.map((redis) => redisTokenBucketLimiter(redis, { capacity: 3, refillPerSecond: 0.5, prefix: `${prefix}:bucket` }));
    expect(await one!.get('u1')).toBeNull();
    await one!.consume('u1');
    await two!.consume('u1');
    await one!.consume('u1');
    const refusal = await two!.consume('u1').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimiterRes);
    // Half a token a second: about two seconds until the next.
    expect((refusal as RateLimiterRes).msBeforeNext).toBeGreaterThan(1_000);
    expect((refusal as RateLimiterRes).msBeforeNext).toBeLessThanOrEqual(2_000);
    expect((await one!.get('u1'))?.remainingPoints).toBe(0);
    // Another key has its own bucket.
    await expect(one!.consume('u2')).resolves.toBeInstanceOf(RateLimiterRes);
  });

  it('messages per user and logins per address count across nodes and refuse with rate_limited', async () => {
    const [nodeA, nodeB] = clients.map((redis) => createRateLimits(true, undefined, { redis, prefix }));
    const burst = rateLimitDefaults.messageBurst;
    // Alternating nodes until the first refusal: one shared bucket gives the burst (plus what
    // refilled meanwhile), two buckets of their own would give twice as much.
    const started = Date.now();
    let accepted = 0;
    let refusal: unknown;
    while (refusal === undefined && accepted < 3 * burst) {
      await (accepted % 2 === 0 ? nodeA! : nodeB!).message(42).then(() => (accepted += 1), (error: unknown) => (refusal = error));
    }
    const refilled = Math.ceil(((Date.now() - started) / 1000) * rateLimitDefaults.messagesPerSecondSustained);
    expect(refusal).toMatchObject({ code: 'rate_limited' });
    expect(accepted).toBeGreaterThanOrEqual(burst);
    expect(accepted).toBeLessThanOrEqual(burst + refilled);
    await expect(nodeA!.message(43)).resolves.toBeUndefined();

    for (let i = 0; i < rateLimitDefaults.loginsPerAddress; i += 1) await (i % 2 === 0 ? nodeA! : nodeB!).loginAttempt('203.0.113.9');
    await expect(nodeB!.loginAttempt('203.0.113.9')).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(nodeA!.loginAttempt('203.0.113.10')).resolves.toBeUndefined();
  });

  it('failed logins for an address lock it on every node', async () => {
    const [nodeA, nodeB] = clients.map((redis) => createRateLimits(true, undefined, { redis, prefix }));
    const email = `${prefix}@example.com`;
    await expect(nodeB!.assertLoginAllowed(email)).resolves.toBeUndefined();
    for (let i = 0; i < rateLimitDefaults.failedLoginsPerEmail; i += 1) await (i % 2 === 0 ? nodeA! : nodeB!).loginFailed(email);
    await expect(nodeB!.assertLoginAllowed(email)).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(nodeA!.assertLoginAllowed(email)).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('while Redis is not reachable a node counts in its own memory instead of waiting for it', async () => {
    // Never connected: every command would wait in the client's queue.
    const away = createClient({ url: 'redis://127.0.0.1:1' });
    const node = createRateLimits(true, undefined, { redis: away, prefix });
    for (let i = 0; i < rateLimitDefaults.messageBurst; i += 1) await node.message(7);
    await expect(node.message(7)).rejects.toMatchObject({ code: 'rate_limited' });
    for (let i = 0; i < rateLimitDefaults.loginsPerAddress; i += 1) await node.loginAttempt('198.51.100.1');
    await expect(node.loginAttempt('198.51.100.1')).rejects.toMatchObject({ code: 'rate_limited' });
  });
});
