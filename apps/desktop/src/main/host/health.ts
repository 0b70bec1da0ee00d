import { healthResponseSchema } from '@parley/shared';
import type { Result } from '@parley/shared/ipc';
import { serverUrlSchema } from '@parley/shared/ipc';

/** The origin the app talks to for a URL the user typed (`parley.example.com/` → its origin). */
export function serverOrigin(raw: string): string | null {
  const parsed = serverUrlSchema.safeParse(raw);
  if (!parsed.success) return null;
  return new URL(parsed.data).origin;
}

/** Asks `<origin>/health` whether a Parley server answers there, within `timeoutMs`. */
export async function checkHealth(
  raw: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<Result<string>> {
  const origin = serverOrigin(raw);
  if (!origin) {
    return { ok: false, error: { code: 'invalid_input', message: 'Enter an http:// or https:// address.', fields: { url: 'must be an http:// or https:// address' } } };
  }
  const doFetch = options.fetch ?? fetch;
  let body: unknown;
  try {
    const response = await doFetch(`${origin}/health`, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      headers: { accept: 'application/json' },
      redirect: 'error',
    });
    if (!response.ok) return notParley(origin);
    body = await response.json();
  } catch {
    return { ok: false, error: { code: 'not_found', message: `No server answered at ${origin}.` } };
  }
  return healthResponseSchema.safeParse(body).success ? { ok: true, value: origin } : notParley(origin);
}

function notParley(origin: string): Result<string> {
  return { ok: false, error: { code: 'not_found', message: `${origin} does not look like a Parley server.` } };
}
