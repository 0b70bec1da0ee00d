import { afterAll, afterEach, beforeAll } from 'vitest';
import { createApp, type ParleyApp } from '../../src/app.js';
import { createPasswords, type Passwords } from '../../src/auth/passwords.js';
import type { Bot } from '../../src/bot/bot.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { parseSettings, type Settings } from '../../src/env.js';
import { createLogger } from '../../src/logger.js';
import type { Mailer } from '../../src/mail/mailer.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { CapturingMailer, FakeBot, LogSink, TestClock } from './fakes.js';
import { closeAllSockets } from './sockets.js';

/** Cheap scrypt for tests (N = 2^10); one test in auth.test.ts uses the production parameters. */
export const cheapPasswords: Passwords = createPasswords({ logN: 10, r: 8, p: 1 });

export interface ServerOptions {
  /** Environment variables for `parseSettings` (RATE_LIMITS defaults to off in tests). */
  env?: Record<string, string>;
  /** Cheap scrypt unless 'production' (the server's own parameters) or another set is given. */
  passwords?: Passwords | 'production';
  bot?: Bot;
  /** Replaces the capturing mailer (e.g. with one that fails). */
  mailer?: Mailer;
  /** The logger's level; debug unless given. */
  logLevel?: string;
}

export interface TestServer {
  url: string;
  app: ParleyApp;
  db: Database;
  settings: Settings;
  mail: CapturingMailer;
  clock: TestClock;
  bot: FakeBot;
  logs: LogSink;
  /** Stops the app (sockets and HTTP), leaving the database open. */
  stop(): Promise<void>;
}

export async function startServer(db: Database, options: ServerOptions = {}): Promise<TestServer> {
  const settings = parseSettings({ RATE_LIMITS: 'off', WEB_CLIENT_DIR: '/nonexistent/parley-web', ...options.env });
  const mail = new CapturingMailer();
  const clock = new TestClock();
  const bot = new FakeBot();
  const logs = new LogSink();
  const app = createApp({
    db,
    mailer: options.mailer ?? mail,
    bot: () => options.bot ?? bot,
    clock,
    logger: createLogger(options.logLevel ?? 'debug', logs),
    settings,
    passwords: options.passwords === 'production' ? undefined : (options.passwords ?? cheapPasswords),
  });
  const url = await app.listen(0, '127.0.0.1');
  return { url, app, db, settings, mail, clock, bot, logs, stop: () => app.close() };
}

export async function openMigrated(testDb: TestDatabase): Promise<Database> {
  const db = openDatabase(testDb.target);
  await migrateDatabase(db, parseSettings({}).migrationsDir);
  return db;
}

/**
 * One database and one server for a test file: created before its tests, removed after.
 * Sockets a test opened are closed after it.
 */
export function useServer(options: ServerOptions = {}): () => TestServer {
  let testDb: TestDatabase | undefined;
  let db: Database | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await openMigrated(testDb);
    server = await startServer(db, options);
  });
  afterEach(() => closeAllSockets());
  afterAll(async () => {
    closeAllSockets();
    await server?.stop();
    await db?.close();
    await testDb?.drop();
  });
  return () => {
    if (!server) throw new Error('the server is not started yet');
    return server;
  };
}
