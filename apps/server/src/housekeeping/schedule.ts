import type { Logger } from '../logger.js';
import type { Clock } from '../clock.js';
import type { AppContext } from '../context.js';
import { purgeExpired } from './purge-expired.js';
import { purgeUnattachedFiles } from '../files/remove-files.js';

const hourMs = 60 * 60 * 1000;
// Not at the very start: migrations and the first logins come first.
const firstRunDelayMs = 10_000;

/** Purges expired data soon after start and then every hour; returns a stop function. */
export function scheduleHousekeeping(
  ctx: Pick<AppContext, 'db' | 'io'> & Partial<Pick<AppContext, 'fileStore'>>,
  clock: Clock,
  logger: Logger,
  everyMs = hourMs,
): () => void {
  const run = () => {
    purgeExpired(ctx, clock.now())
      .then((purged) => {
        if (purged.registrations > 0 || purged.passwordResets > 0 || purged.sessions > 0) logger.info(purged, 'expired links and sessions removed');
      })
      .then(() => (ctx.fileStore ? purgeUnattachedFiles({ db: ctx.db, fileStore: ctx.fileStore }, clock.now()) : 0))
      .then((files) => {
        if (files > 0) logger.info({ files }, 'files never shown in a message removed');
      })
      .catch((error: unknown) => {
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'housekeeping failed');
      });
  };
  const first = setTimeout(run, firstRunDelayMs);
  const every = setInterval(run, everyMs);
  // Housekeeping never keeps the process alive on its own.
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
