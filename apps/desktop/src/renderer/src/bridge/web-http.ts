import { errorBodySchema, type ErrorDetail } from '@parley/shared';
import type { Result } from '@parley/shared/ipc';
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface HttpClient {
  request<T extends z.ZodType>(
    method: HttpMethod,
    path: string,
    schema: T,
    body?: unknown,
  ): Promise<Result<z.output<T>>>;
}

const unreachable: ErrorDetail = { code: 'internal', message: 'Cannot reach the server. Check your connection.' };
const malformed: ErrorDetail = { code: 'internal', message: 'The server sent an answer Parley does not understand.' };

/**
 * fetch to this origin with the token in the `authentication` header; every answer, good or bad,
 * is parsed with the shared schemas so nothing unchecked reaches the stores.
 */
export function createHttpClient(options: {
  baseUrl: string;
  getToken: () => string | null;
  onUnauthorized: () => void;
}): HttpClient {
  return {
    async request(method, path, schema, body) {
      const headers: Record<string, string> = { accept: 'application/json' };
      const token = options.getToken();
      if (token) headers.authentication = token;
      if (body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await fetch(new URL(path, options.baseUrl), {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch {
        return { ok: false, error: unreachable };
      }
      let json: unknown = null;
      try {
        json = await response.json();
      } catch {
        json = null;
      }
      if (!response.ok) {
        const parsed = errorBodySchema.safeParse(json);
        const error: ErrorDetail = parsed.success
          ? parsed.data.error
          : { code: response.status === 401 ? 'unauthorized' : 'internal', message: `The server answered ${response.status}.` };
        // A revoked or expired token: the session is over, whatever the caller was doing.
        if (error.code === 'unauthorized' && token) options.onUnauthorized();
        return { ok: false, error };
      }
      const parsed = schema.safeParse(json);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: malformed };
    },
  };
}

/** `?until=` / `?after=` for a history page. */
export function pageQuery(page: { until?: number; after?: number }): string {
  const params = new URLSearchParams();
  if (page.until !== undefined) params.set('until', String(page.until));
  if (page.after !== undefined) params.set('after', String(page.after));
  const query = params.toString();
  return query ? `?${query}` : '';
}
