import type { Route, RouteResponse } from '@parley/shared';
import type { Response } from 'express';

/**
 * Answers a route of the shared table with its success status. The body is typed by the route's
 * response schema, so an answer the clients would not parse fails type-checking here.
 */
export function reply<R extends Route>(res: Response, route: R, body: RouteResponse<R>): void {
  res.status(route.status).json(body);
}
