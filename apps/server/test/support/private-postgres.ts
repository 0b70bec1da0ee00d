import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, postgresOwnedDir, runAsPostgres } from './processes.js';

const bin = process.env.PARLEY_TEST_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  url: string;
  start(): Promise<void>;
  /** A fast shutdown: open connections are terminated (57P01), new ones refused. */
  stop(): Promise<void>;
  /** Stops it if it runs and deletes the cluster. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL cluster of the test's own, so a test may stop and start it while other test files
 * go on using the machine's shared one.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = await postgresOwnedDir('parley-pg-');
  const data = join(dir, 'data');
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`;
  const pgCtl = (...args: string[]) => runAsPostgres(join(bin, 'pg_ctl'), ['-D', data, ...args]);
  const cluster: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: async () => void (await pgCtl('-o', options, '-l', join(dir, 'log'), '-w', '-t', '20', 'start')),
    stop: async () => void (await pgCtl('-m', 'fast', '-w', '-t', '20', 'stop')),
    async destroy() {
      await pgCtl('-m', 'immediate', '-w', 'stop').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await runAsPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
    await cluster.start();
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
}
