import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RedisClient } from '../cluster/redis.js';
import type { PointLimiter } from './point-limiter.js';

/*
 * The token bucket of `token-bucket.ts`, kept in Redis so every node draws from one bucket per
 * key. One script per call, so a take is atomic across nodes, and Redis's own clock, so nodes
 * whose clocks differ still refill alike. A bucket left alone expires once it would be full.
 * Returns {taken (1/0), tokens left as a string (Lua numbers lose their fraction on return)}.
 */
const takeScript = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local take = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
if tokens == nil then
  if take == 0 then return {0, 'none'} end
  tokens = capacity
else
  tokens = math.min(capacity, tokens + (now - tonumber(state[2])) * perMs)
end
local taken = 0
if take == 1 then
  if tokens >= 1 then
    tokens = tokens - 1
    taken = 1
  end
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
  redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 1000)
end
return {taken, tostring(tokens)}
`;

export interface RedisTokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
  /** Key prefix of this limiter, e.g. `parley:rl:messages`. */
  prefix: string;
}

/**
 * While Redis is not ready, `insurance` (this node's memory bucket) answers instead: a command
 * sent then would wait in the client's queue until Redis came back, and the send with it.
 */
export function redisTokenBucketLimiter(redis: RedisClient, options: RedisTokenBucketOptions, insurance?: PointLimiter): PointLimiter {
  const { capacity, refillPerSecond, prefix } = options;
  const perMs = refillPerSecond / 1000;

  function result(tokens: number): RateLimiterRes {
    const msBeforeNext = tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / refillPerSecond) * 1000);
    return new RateLimiterRes(Math.floor(tokens), msBeforeNext, Math.ceil(capacity - tokens), false);
  }

  async function run(key: string, take: 0 | 1): Promise<{ taken: boolean; tokens: number | null }> {
    const reply = (await redis.eval(takeScript, {
      keys: [`${prefix}:${key}`],
      arguments: [String(capacity), String(perMs), String(take)],
    })) as [number, string];
    return { taken: Number(reply[0]) === 1, tokens: reply[1] === 'none' ? null : Number(reply[1]) };
  }

  return {
    async consume(key) {
      if (insurance && !redis.isReady) return insurance.consume(key);
      const { taken, tokens } = await run(key, 1);
      if (!taken) throw result(tokens ?? 0);
      return result(tokens ?? capacity);
    },
    async get(key) {
      if (insurance && !redis.isReady) return insurance.get(key);
      const { tokens } = await run(key, 0);
      return tokens === null ? null : result(tokens);
    },
  };
}
