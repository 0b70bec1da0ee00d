import { errorBodySchema, errorStatus, type ErrorCode, type ErrorDetail } from '../errors.js';
import type { Result } from '../ipc/bridge.js';
import type { HttpMethod } from '../routes/define.js';
import type { z } from 'zod';

export type { HttpMethod };

/** What this client hands to `fetch`: a subset of `RequestInit` that every runtime's fetch accepts. */
export interface FetchInit {
  method: HttpMethod;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
  redirect: 'error';
}

/** What this client reads of a `Response`. */
export interface FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
}

/**
 * The standard `fetch`, injected so this module imports nothing of Node or the DOM. A browser's
 * `window.fetch` must be called on `window` ("Illegal invocation" otherwise): pass
 * `(url, init) => window.fetch(url, init)`, not the bare function.
 */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface HttpDeps {
  fetch: FetchLike;
  /** The server's origin, or null before one is chosen. */
  baseUrl: () => string | null;
  /** The session token, sent as `authentication` on every call that needs one. */
  token: () => string | null;
  /** Called when the server says the token sent is no longer valid. */
  onUnauthorized?: () => void;
  /** How long a call may take, answer body included; 15 s unless given. */
  timeoutMs?: number;
}

export interface HttpRequest {
  method: HttpMethod;
  path: string;
  query?: Record<string, number | string | undefined>;
  body?: unknown;
  /** False for the calls made before sign-in (register, login, health): no token is sent. */
  authenticated?: boolean;
}

export const defaultTimeoutMs = 15_000;

// A proxy or a crashed server may answer an error status without the protocol's body; the status
// alone still says what went wrong. The first code listed for a status is its general one
// (401 → unauthorized, not invalid_credentials).
const codeByStatus = new Map<number, ErrorCode>();
for (const [code, status] of Object.entries(errorStatus) as [ErrorCode, number][]) {
  if (!codeByStatus.has(status)) codeByStatus.set(status, code);
}

function failure(code: ErrorCode, message: string): { ok: false; error: ErrorDetail } {
  return { ok: false, error: { code, message } };
}

/** `path` under `base` (a base with a path prefix keeps it), with the defined query values. */
export function buildUrl(base: string, path: string, query: HttpRequest['query'] = {}): string {
  const url = new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
  return url.href;
}

function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'TimeoutError';
}

/**
 * One REST call. Every answer, good or bad, is parsed with the shared schemas before use, and
 * every failure (no server, no token, unreachable, timeout, protocol error, odd answer) comes back
 * as a `Result`; nothing throws.
 */
export async function httpRequest<T extends z.ZodType>(
  deps: HttpDeps,
  request: HttpRequest,
  schema: T,
): Promise<Result<z.output<T>>> {
  const base = deps.baseUrl();
  if (!base) return failure('invalid_input', 'Choose a server first.');
  const authenticated = request.authenticated !== false;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (authenticated) {
    const token = deps.token();
    if (!token) return failure('unauthorized', 'Sign in first.');
    headers.authentication = token;
  }
  if (request.body !== undefined) headers['content-type'] = 'application/json';

  let response: FetchResponse;
  try {
    response = await deps.fetch(buildUrl(base, request.path, request.query), {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(deps.timeoutMs ?? defaultTimeoutMs),
      // A Parley server never redirects its API; following one could carry the token elsewhere.
      redirect: 'error',
    });
  } catch (error) {
    if (isTimeout(error)) return failure('internal', 'The server did not answer in time. Try again.');
    return failure('internal', 'Cannot reach the server. Check your connection.');
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    // Not JSON (an HTML error page, an empty body, a body cut off by the timeout): judged below.
    json = undefined;
  }

  if (!response.ok) {
    const body = errorBodySchema.safeParse(json);
    const error: ErrorDetail = body.success
      ? body.data.error
      : { code: codeByStatus.get(response.status) ?? 'internal', message: `The server answered with status ${response.status}.` };
    // Only a token that was sent can have been revoked; a wrong password at login is not a lost session.
    if (error.code === 'unauthorized' && authenticated) deps.onUnauthorized?.();
    return { ok: false, error };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return failure('internal', 'The server sent an answer Parley does not understand.');
  return { ok: true, value: parsed.data };
}
