import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { ParleyError } from '@parley/shared';
import type { Settings } from '../env.js';
import { hostNameOf } from './host-name.js';

const alwaysOwn = ['localhost', '127.0.0.1', '[::1]'];

/** The machine's own addresses, as a Host header would name them. */
function interfaceNames(read: typeof networkInterfaces): Set<string> {
  const names = new Set<string>();
  for (const addresses of Object.values(read())) {
    for (const { address, family } of addresses ?? []) {
      const name = hostNameOf(family === 'IPv6' ? `[${address}]` : address);
      if (name) names.add(name);
    }
  }
  return names;
}

/**
 * Whether a request is for this server at all. A page on a rebound name (`evil.example`
 * resolving to 127.0.0.1) is same-origin to the browser, so Origin checks cannot stop it; its
 * Host header still says `evil.example`. Ports are not compared: a proxy may publish any.
 *
 * Returns the refusal, or null to let the request through. A request without a Host header, or
 * with one that names no host, is a malformed request (RFC 9112 §3.2 asks for a 400), not one
 * for another server: it gets 400 `invalid_input`.
 */
export function createHostPolicy(
  settings: Settings,
  readInterfaces: typeof networkInterfaces = networkInterfaces,
): (req: IncomingMessage) => ParleyError | null {
  const fixed = new Set([...alwaysOwn, ...settings.allowedHosts]);
  return (req) => {
    const header = req.headers.host;
    const name = header === undefined ? null : hostNameOf(header);
    if (name === null) {
      return new ParleyError('invalid_input', 'The request needs a Host header naming this server.', {
        fields: { host: header === undefined ? 'is required' : 'must be a host name' },
      });
    }
    if (fixed.has(name) || name === new URL(settings.publicUrl).hostname) return null;
    // Read on a miss only: addresses come and go (DHCP, VPN) while the server runs.
    if (interfaceNames(readInterfaces).has(name)) return null;
    return new ParleyError('misdirected', 'This server does not answer to that host name.');
  };
}
