import { Router } from 'express';
import type { TrustsProxy } from '../http/request-scheme.js';
import { metricsAccess, type MetricsAccessSettings } from './metrics-access.js';
import type { Metrics } from './metrics.js';

/** `GET /metrics` in the Prometheus text format, for the readers `metricsAccess` lets in. */
export function metricsRoutes(metrics: Metrics, settings: MetricsAccessSettings, trustsProxy: TrustsProxy): Router {
  const router = Router();
  router.get('/metrics', metricsAccess(settings, trustsProxy), async (_req, res) => {
    const body = await metrics.registry.metrics();
    res.type(metrics.registry.contentType).send(body);
  });
  return router;
}
