import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess as spawnServer } from '../support/server-process.js';

export interface ServerProcess {
  url: string;
  dataDir: string;
  /** Everything the process wrote, for a failing test's message. */
  output(): string;
  /** SIGTERM, waits for the exit, removes the data directory. */
  stop(): Promise<void>;
}

/**
 * `src/main.ts` in a child process on a loopback port, configured only through its environment,
 * as a person following the README would run it: the outbox mailer, default rate limits.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-python-'));
  const childEnv: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...env,
  };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const server = await spawnServer(childEnv, 100_000);
  return {
    url: server.url,
    dataDir,
    output: server.output,
    stop: async () => {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
      await server.exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
