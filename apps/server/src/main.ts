import { join } from 'node:path';
import { createApp } from './app.js';
import { connectRedis } from './cluster/redis.js';
import { createBot } from './bot/create-bot.js';
import { systemClock } from './clock.js';
import { openDatabase } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { releaseStalePresence } from './groups/group-read-marks.queries.js';
import { loadSettings } from './env.js';
import { scheduleHousekeeping } from './housekeeping/schedule.js';
import { createLogger } from './logger.js';
import { createOutboxMailer, createSmtpMailer } from './mail/mailer.js';
import { onStopRequest } from './stop-request.js';

/** Hard stop for a shutdown that hangs: the protocol promises an exit within 5 s of SIGTERM. */
const shutdownDeadlineMs = 4_500;

async function main(): Promise<void> {
  const settings = loadSettings();
  const logger = createLogger(settings.logLevel);
  const db = openDatabase(
    settings.databaseUrl
      ? { kind: 'postgres', url: settings.databaseUrl }
      : { kind: 'pglite', dataDir: join(settings.dataDir, 'db') },
  );
  await migrateDatabase(db, settings.migrationsDir);
  const redis = settings.redisUrl ? await connectRedis(settings.redisUrl, logger) : undefined;
  // Alone, nobody is present before this node listens. With other nodes running, their members'
  // presence is theirs: it is not ended here (a node that dies has its users' ended by the
  // nodes still running, `presence/node-sync.ts`).
  if (!redis) await releaseStalePresence(db);
  const mailer = settings.smtpUrl
    ? createSmtpMailer(settings.smtpUrl)
    : createOutboxMailer(join(settings.dataDir, 'outbox'), logger);
  const app = createApp({
    db,
    mailer,
    bot: (lookup) => createBot(settings.bot, lookup, { warn: (reason) => logger.warn({ reason }, 'bot reply failed') }),
    clock: systemClock,
    logger,
    settings,
    redis,
  });
  const url = await app.listen(settings.port, settings.host);
  const port = Number(new URL(url).port);
  // With PORT=0 the port is only known now; the settings object is shared, so links follow.
  if (settings.publicUrlFromPort) settings.publicUrl = `http://localhost:${port}`;
  logger.info({ url, database: db.kind, redis: redis !== undefined, publicUrl: settings.publicUrl }, 'Parley server listening');
  // When the desktop app hosts this server in a child process, it learns the port this way.
  process.send?.({ type: 'listening', port });
  const stopHousekeeping = scheduleHousekeeping({ db, io: app.io, fileStore: app.fileStore }, systemClock, logger);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), shutdownDeadlineMs).unref();
    stopHousekeeping();
    void app
      .close()
      .then(() => db.close())
      .then(() => redis?.quit())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  onStopRequest(() => stop('stop message'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
