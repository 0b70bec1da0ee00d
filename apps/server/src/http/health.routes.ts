import { authRoutes as routes, ParleyError } from '@parley/shared';
import { sql } from 'drizzle-orm';
import { Router } from 'express';
import type { Database } from '../db/client.js';
import { databaseRetryAfterSeconds } from '../db/unavailable.js';
import { sendError } from './errors.js';
import { reply } from './reply.js';

/** A readiness probe that waits longer than this on the database counts it as down. */
const readyTimeoutMs = 2_000;

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * `/health` says the process is up and serving HTTP (liveness: restart it when this fails);
 * `/ready` also asks the database (readiness: send it no traffic while this fails). A load
 * balancer that took a node out on a database outage would only move its clients to nodes
 * with the same outage, so health checks of the balancer use `/health`, and `/ready` is for
 * deployments and orchestrators.
 */
export function healthRoutes(db: Database, isStopping: () => boolean): Router {
  const router = Router();
  router.get(routes.health.path, (_req, res) => reply(res, routes.health, { status: 'ok' }));
  router.get('/ready', async (_req, res) => {
    const refuse = (message: string) =>
      sendError(res, new ParleyError('unavailable', message, { retryAfterSeconds: databaseRetryAfterSeconds }));
    if (isStopping()) {
      refuse('This server is shutting down.');
      return;
    }
    try {
      await withinTime(db.rows(sql`select 1 as ready`), readyTimeoutMs);
      res.json({ status: 'ready', database: db.kind });
    } catch {
      refuse('The database is not reachable right now.');
    }
  });
  return router;
}
