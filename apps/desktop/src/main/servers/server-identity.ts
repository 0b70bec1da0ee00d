import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** A server's identity in the registry: its URL's origin (scheme, host, port), lowercase. */
export function serverIdOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.origin.toLowerCase();
  } catch {
    return null;
  }
}

/** How the switcher and notifications name a server: its host, and the port when not the default. */
export function serverLabelOf(id: string): string {
  return new URL(id).host;
}

/**
 * Where a server's token is kept (encrypted, as the first server's `session.bin`): one file per
 * server, named by a hash of its origin so the name says nothing and needs no escaping.
 */
export function tokenFileFor(userData: string, id: string): string {
  return join(userData, 'servers', `${createHash('sha256').update(id).digest('hex').slice(0, 24)}.bin`);
}
