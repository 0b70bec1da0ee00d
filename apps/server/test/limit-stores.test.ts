import { describe, expect, it } from 'vitest';
import { createHashingQueue } from '../src/auth/hashing-queue.js';
import { cappedWindowLimiter } from '../src/limits/capped-window.js';
import { clientAddressKey } from '../src/limits/client-address.js';
import { tokenBucketLimiter } from '../src/limits/token-bucket.js';

/** How many of `n` consumes at once pass. */
async function passing(limiter: { consume(key: string): Promise<unknown> }, key: string, n: number): Promise<number> {
  const outcomes = await Promise.allSettled(Array.from({ length: n }, () => limiter.consume(key)));
  return outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
}

describe('token bucket', () => {
  const manualClock = () => {
    let ms = 1_000_000;
    return { now: () => ms, advance: (by: number) => (ms += by) };
  };

  it('after quiet, 20 pass at once and the 21st is refused; a second later 5 more pass, not 6', async () => {
    const clock = manualClock();
    const bucket = tokenBucketLimiter({ capacity: 20, refillPerSecond: 5, maxKeys: 10, now: clock.now });
    expect(await passing(bucket, 'ada', 20)).toBe(20);
    await expect(bucket.consume('ada')).rejects.toMatchObject({ msBeforeNext: 200 });
    clock.advance(1_000);
    expect(await passing(bucket, 'ada', 6)).toBe(5);
  });

  it('after 6 s of quiet a burst of 12 all pass, and ordinary use leaves most of the burst', async () => {
    const clock = manualClock();
    const bucket = tokenBucketLimiter({ capacity: 20, refillPerSecond: 5, maxKeys: 10, now: clock.now });
    for (let i = 0; i < 10; i++) {
      expect(await passing(bucket, 'ada', 2)).toBe(2);
      clock.advance(1_000);
    }
    clock.advance(6_000);
    expect(await passing(bucket, 'ada', 12)).toBe(12);
    clock.advance(2_000);
    expect(await passing(bucket, 'ada', 30)).toBe(18);
  });

  it('holds at most maxKeys buckets, dropping the least recently used', async () => {
    const clock = manualClock();
    const bucket = tokenBucketLimiter({ capacity: 1, refillPerSecond: 0.001, maxKeys: 3, now: clock.now });
    for (const key of ['a', 'b', 'c']) await bucket.consume(key);
    await expect(bucket.consume('a')).rejects.toBeTruthy();
    for (let i = 0; i < 1_000; i++) await bucket.consume(`random-${i}`);
    expect(bucket.size).toBe(3);
    expect(await bucket.get('a')).toBeNull();
  });
});

describe('capped fixed window', () => {
  it('never holds more than maxKeys keys, however many arrive', async () => {
    const limiter = cappedWindowLimiter({ points: 2, windowMs: 60_000, maxKeys: 50 });
    for (let i = 0; i < 5_000; i++) await limiter.consume(`key-${i}`);
    expect(limiter.size).toBe(50);
  });

  it('a window ends after its length and the key starts afresh', async () => {
    let ms = 0;
    const limiter = cappedWindowLimiter({ points: 2, windowMs: 1_000, maxKeys: 10, now: () => ms });
    await limiter.consume('ada');
    ms = 400;
    await limiter.consume('ada');
    await expect(limiter.consume('ada')).rejects.toMatchObject({ msBeforeNext: 600, consumedPoints: 3 });
    expect(await limiter.get('ada')).toMatchObject({ consumedPoints: 3 });
    ms = 1_000;
    expect(await limiter.get('ada')).toBeNull();
    await expect(limiter.consume('ada')).resolves.toMatchObject({ remainingPoints: 1 });
  });

  it('at the cap drops the oldest window below its limit, and counts the others on', async () => {
    const limiter = cappedWindowLimiter({ points: 2, windowMs: 60_000, maxKeys: 3 });
    await limiter.consume('locked');
    await limiter.consume('locked');
    await limiter.consume('first');
    await limiter.consume('second');
    await limiter.consume('third');
    expect(await limiter.get('first')).toBeNull();
    for (let i = 0; i < 1_000; i++) await limiter.consume(`flood-${i}`);
    expect(limiter.size).toBe(3);
    await expect(limiter.consume('locked')).rejects.toMatchObject({ consumedPoints: 3 });
  });

  it('at the cap with every window at its limit, drops the oldest', async () => {
    const limiter = cappedWindowLimiter({ points: 1, windowMs: 60_000, maxKeys: 2 });
    await limiter.consume('first');
    await limiter.consume('second');
    await limiter.consume('third');
    expect(await limiter.get('first')).toBeNull();
    expect(limiter.size).toBe(2);
  });
});

describe('client address keys', () => {
  it('counts IPv6 addresses by their /64', () => {
    const key = clientAddressKey('2001:db8:1:2::1');
    expect(key).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(key);
    expect(clientAddressKey('2001:db8:1:2:abcd::7%eth0')).toBe(key);
    expect(clientAddressKey('2001:db8:1:3::1')).not.toBe(key);
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('counts an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(clientAddressKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientAddressKey('::ffff:c633:6407')).toBe('198.51.100.7');
    expect(clientAddressKey('198.51.100.7')).toBe('198.51.100.7');
  });

  it('puts what is no address under one key', () => {
    expect(clientAddressKey(undefined)).toBe('unknown');
    expect(clientAddressKey('not an address')).toBe('unknown');
  });
});

describe('hashing queue', () => {
  it('runs at most `concurrency` jobs and refuses, at once, one more than `maxWaiting`', async () => {
    const queue = createHashingQueue({ concurrency: 2, maxWaiting: 1, retryAfterSeconds: 3 });
    const releases: (() => void)[] = [];
    let started = 0;
    const job = () =>
      queue.run(() => {
        started += 1;
        return new Promise<void>((resolve) => releases.push(resolve));
      });
    const jobs = [job(), job(), job()];
    await Promise.resolve();
    expect(started).toBe(2);
    expect(queue.waiting).toBe(1);
    await expect(job()).rejects.toMatchObject({ code: 'unavailable', retryAfterSeconds: 3 });
    releases.shift()!();
    await jobs[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(3);
    expect(queue.running).toBe(2);
    while (releases.length > 0) releases.shift()!();
    await Promise.all(jobs);
    expect(queue.running).toBe(0);
  });

  it('a failing job frees its slot', async () => {
    const queue = createHashingQueue({ concurrency: 1, maxWaiting: 0, retryAfterSeconds: 1 });
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(() => Promise.resolve(7))).toBe(7);
  });
});
