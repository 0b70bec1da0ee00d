import { createParleyApi, type FetchLike } from '@parley/shared/client';
import { serverUrlSchema, type Result } from '@parley/shared/ipc';

/** The origin the app talks to for a URL the user typed (`parley.example.com/` → its origin). */
export function serverOrigin(raw: string): string | null {
  const parsed = serverUrlSchema.safeParse(raw);
  if (!parsed.success) return null;
  return new URL(parsed.data).origin;
}

/** Asks `<origin>/health`, with the shared REST client, whether a Parley server answers there. */
export async function checkHealth(raw: string, options: { fetch?: FetchLike; timeoutMs?: number } = {}): Promise<Result<string>> {
  const origin = serverOrigin(raw);
  if (!origin) {
    return { ok: false, error: { code: 'invalid_input', message: 'Enter an http:// or https:// address.', fields: { url: 'must be an http:// or https:// address' } } };
  }
  const api = createParleyApi({ fetch: options.fetch ?? fetch, baseUrl: () => origin, token: () => null, timeoutMs: options.timeoutMs ?? 5000 });
  const answer = await api.health();
  // Nothing listening, an error status, another kind of server: to the user, all "not here".
  if (!answer.ok) return { ok: false, error: { code: 'not_found', message: `No Parley server answered at ${origin}.` } };
  return { ok: true, value: origin };
}
