import { createClient } from 'redis';
import type { Logger } from '../logger.js';

/** Reconnects after a Redis restart without giving up: a node must outlive its Redis blips. */
function reconnectDelayMs(retries: number): number {
  return Math.min(50 * 2 ** retries, 2_000);
}

function makeClient(url: string) {
  return createClient({ url, socket: { reconnectStrategy: reconnectDelayMs } });
}

export type RedisClient = ReturnType<typeof makeClient>;

/**
 * A connected Redis client for Socket.IO's adapter and the shared rate limits. It reconnects by
 * itself; while Redis is away its errors are logged (once per outage, not per retry) and the
 * adapter resumes its stream where it stopped.
 */
export async function connectRedis(url: string, logger: Logger): Promise<RedisClient> {
  const client = makeClient(url);
  let down = false;
  client.on('error', (error: unknown) => {
    if (down) return;
    down = true;
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'Redis is unreachable; retrying');
  });
  client.on('ready', () => {
    if (down) logger.info('Redis is reachable again');
    down = false;
  });
  await client.connect();
  return client;
}
