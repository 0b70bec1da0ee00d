import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * One REST route of PROTOCOL.md: the REST client builds its calls from it and the server's
 * routers register and answer with it, so a path is written once and an answer that does not
 * match `response` fails type-checking on the server.
 */
export interface Route<Response extends z.ZodType = z.ZodType> {
  readonly method: HttpMethod;
  /** Express-style: `:id` is a path parameter. */
  readonly path: string;
  /** The status of a successful answer. */
  readonly status: number;
  readonly response: Response;
  /** False for the calls made before sign-in: no token is sent or required. */
  readonly authenticated: boolean;
}

export function defineRoute<const R extends Route>(route: R): R {
  return route;
}

/** The path of `route` with its `:name` parameters filled in. */
export function routePath(route: Pick<Route, 'path'>, params: Record<string, number | string> = {}): string {
  return route.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${route.path}`);
    return encodeURIComponent(String(value));
  });
}

/** What a route answers with: the type the server must produce and the client receives. */
export type RouteResponse<R extends Route> = z.input<R['response']>;
