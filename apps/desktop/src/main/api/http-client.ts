import { errorBodySchema, errorStatus, type ErrorCode, type ErrorDetail } from '@parley/shared';
import type { Result } from '@parley/shared/ipc';
import type { z } from 'zod';

export interface HttpDeps {
  fetch: typeof fetch;
  /** The server's origin, or null before one is chosen. */
  baseUrl: () => string | null;
  /** The session token, attached as `authentication`; it never leaves the main process otherwise. */
  token: () => string | null;
  /** Called when the server says the token is no longer valid. */
  onUnauthorized?: () => void;
  timeoutMs?: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  query?: Record<string, number | undefined>;
  body?: unknown;
  authenticated?: boolean;
}

const codeByStatus = new Map<number, ErrorCode>(
  (Object.entries(errorStatus) as [ErrorCode, number][]).reverse().map(([code, status]) => [status, code]),
);

function failure(code: ErrorCode, message: string): { ok: false; error: ErrorDetail } {
  return { ok: false, error: { code, message } };
}

export function buildUrl(base: string, path: string, query: HttpRequest['query'] = {}): string {
  const url = new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
  return url.href;
}

/** One REST call: every answer, good or bad, is parsed with the shared schemas before use. */
export async function httpRequest<T extends z.ZodType>(
  deps: HttpDeps,
  request: HttpRequest,
  schema: T,
): Promise<Result<z.output<T>>> {
  const base = deps.baseUrl();
  if (!base) return failure('invalid_input', 'Choose a server first.');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.authenticated !== false) {
    const token = deps.token();
    if (!token) return failure('unauthorized', 'Sign in first.');
    headers.authentication = token;
  }
  if (request.body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await deps.fetch(buildUrl(base, request.path, request.query), {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
      redirect: 'error',
    });
  } catch {
    return failure('internal', 'The server could not be reached.');
  }

  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }

  if (!response.ok) {
    const body = errorBodySchema.safeParse(json);
    const error = body.success
      ? body.data.error
      : { code: codeByStatus.get(response.status) ?? 'internal', message: `The server answered with status ${response.status}.` };
    if (error.code === 'unauthorized' && request.authenticated !== false) deps.onUnauthorized?.();
    return { ok: false, error };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return failure('internal', 'The server answered in a form this app does not understand.');
  return { ok: true, value: parsed.data };
}
