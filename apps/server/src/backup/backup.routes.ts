import { ParleyError } from '@parley/shared';
import { Router } from 'express';
import type { Database } from '../db/client.js';
import { sendError } from '../http/errors.js';
import type { Logger } from '../logger.js';
import { loopbackOnly } from './loopback-only.js';

export const backupPath = '/admin/backup';

/**
 * `GET /admin/backup`: a consistent copy of the embedded database, taken while the server runs
 * (a gzipped tarball of PGlite's data folder, which `restore` unpacks). Only PGlite has one: a
 * PostgreSQL server is copied with pg_dump, and this answers 409 there.
 */
export function backupRoutes(db: Database, logger: Logger): Router {
  const router = Router();
  router.get(backupPath, loopbackOnly, async (_req, res, next) => {
    if (!db.snapshot) {
      sendError(res, new ParleyError('conflict', 'This server stores its data in PostgreSQL: back it up with pg_dump.'));
      return;
    }
    try {
      const started = Date.now();
      const copy = Buffer.from(await (await db.snapshot()).arrayBuffer());
      logger.info({ bytes: copy.length, ms: Date.now() - started }, 'backup taken');
      res.type('application/gzip').setHeader('Content-Disposition', 'attachment; filename="parley-backup.tar.gz"');
      res.send(copy);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
