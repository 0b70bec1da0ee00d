import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loginResponseSchema } from '@parley/shared';
import { createApp, type ParleyApp } from '../src/app.js';
import { createPasswords } from '../src/auth/passwords.js';
import type { Database } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { parseSettings } from '../src/env.js';
import { createLogger } from '../src/logger.js';
import { onCleanup } from './cleanup.js';
import type { SeedUser } from './seed.js';

export interface BenchServer {
  url: string;
  app: ParleyApp;
}

/** Migrations from the package's committed `drizzle/` folder, as the server runs them at start. */
export async function migrate(db: Database): Promise<void> {
  await migrateDatabase(db, parseSettings({}).migrationsDir);
}

/**
 * The real app on 127.0.0.1, port 0, rate limits off. Logs at `warn` to stderr so request lines
 * neither cost much nor mix with the table; mail and the bot are inert (not measured).
 */
export async function startBenchServer(db: Database): Promise<BenchServer> {
  const scratch = await mkdtemp(join(tmpdir(), 'parley-bench-server-'));
  onCleanup(`remove ${scratch}`, () => rm(scratch, { recursive: true, force: true }));
  const settings = parseSettings({
    RATE_LIMITS: 'off',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: scratch,
    LOG_LEVEL: 'warn',
    WEB_CLIENT_DIR: join(scratch, 'no-web-client'),
  });
  const app = createApp({
    db,
    mailer: { send: () => Promise.resolve(), close: () => undefined },
    bot: () => ({ reply: () => Promise.resolve('ok') }),
    logger: createLogger(settings.logLevel, process.stderr),
    settings,
    passwords: createPasswords({ logN: 10, r: 8, p: 1 }),
  });
  const url = await app.listen(0, '127.0.0.1');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
  };
  onCleanup('stop the Parley server', close);
  return { url, app };
}

/** A session token from the real `POST /login`. */
export async function login(url: string, user: SeedUser): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
    signal: AbortSignal.timeout(10_000),
  });
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${JSON.stringify(body)}`);
  return loginResponseSchema.parse(body).token;
}
