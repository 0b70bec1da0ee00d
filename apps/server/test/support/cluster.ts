import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { TestDatabase } from './database.js';
import { serverProcessEnv, startServerProcess, type ServerProcess } from './server-process.js';

/*
 * Server nodes as production runs them, on one test database and the local Redis under a key
 * prefix of their own, so test files running at once never share a stream.
 */

export const redisUrl = process.env.PARLEY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Cluster {
  prefix: string;
  nodes: ServerProcess[];
  start(testDb: TestDatabase, dataDir: string): Promise<ServerProcess>;
  /** Kills every node and deletes every Redis key of the prefix. */
  destroy(): Promise<void>;
}

export function createCluster(): Cluster {
  const prefix = `parley-test-${randomBytes(4).toString('hex')}`;
  const nodes: ServerProcess[] = [];
  return {
    prefix,
    nodes,
    async start(testDb, dataDir) {
      const node = await startServerProcess({ ...serverProcessEnv(testDb, dataDir), REDIS_URL: redisUrl, REDIS_PREFIX: prefix });
      nodes.push(node);
      return node;
    },
    async destroy() {
      for (const node of nodes) node.child.kill('SIGKILL');
      const redis = createClient({ url: redisUrl });
      await redis.connect();
      for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) if (keys.length > 0) await redis.del(keys);
      await redis.quit();
    },
  };
}
