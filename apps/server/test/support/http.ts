import { randomBytes } from 'node:crypto';
import type { LoginResponse, SelfUser } from '@parley/shared';
import type { TestServer } from './server.js';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** One HTTP call; `body` is sent as JSON, `raw` as-is. */
export async function call<T = Record<string, unknown>>(
  server: { url: string },
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authentication = options.token;
  let body: string | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] ??= 'application/json';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const request = () => fetch(`${server.url}${path}`, { method, headers, body, redirect: 'manual' });
  // A kept-alive connection the server closed while the event loop was busy (PGlite blocks it)
  // can be picked for the next request and reset; a browser retries such a GET, and so do we.
  const response = await request().catch((error: unknown) => {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    if (method === 'GET' && code === 'ECONNRESET') return request();
    throw error;
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

let counter = 0;

export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}${counter}-${randomBytes(3).toString('hex')}@example.com`;
}

export interface SignedUp {
  token: string;
  user: SelfUser;
  email: string;
  password: string;
}

/** Registers, opens the mailed link, and logs in. */
export async function signUp(
  server: TestServer,
  names: { first?: string; last?: string } = {},
): Promise<SignedUp> {
  const email = uniqueEmail();
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const registered = await call(server, 'POST', '/register', {
    body: { email, password, first_name: names.first ?? 'Test', last_name: names.last ?? 'User' },
  });
  if (registered.status !== 202) throw new Error(`register answered ${registered.status}: ${registered.text}`);
  const confirmed = await call(server, 'GET', `/register/${server.mail.linkTokenFor(email)}`);
  if (confirmed.status !== 201) throw new Error(`confirm answered ${confirmed.status}: ${confirmed.text}`);
  const login = await call<LoginResponse>(server, 'POST', '/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${login.text}`);
  return { token: login.body.token, user: login.body.user, email, password };
}
