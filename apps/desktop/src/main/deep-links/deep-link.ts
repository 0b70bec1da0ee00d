import { z } from 'zod';

export const deepLinkScheme = 'parley';

/**
 * What a `parley://` link may ask for. `server` is the host (and port) of a Parley server as its
 * URL spells it; a conversation link only ever opens on the server it names.
 *   parley://<server>/room/<id>     a direct conversation, by its room id
 *   parley://<server>/group/<id>    a group
 *   parley://<server>/join          join that server (https; `?tls=off` for a plain-HTTP one on a LAN)
 */
export type DeepLink =
  | { kind: 'room'; server: string; roomId: number }
  | { kind: 'group'; server: string; groupId: number }
  | { kind: 'join'; server: string; serverUrl: string };

const idText = z.string().regex(/^[1-9]\d{0,14}$/).transform(Number);
// A host as URL parsing leaves it (lowercase), with an optional port; no user info, no path.
const hostText = z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:\d{1,5})?$/);

function parse(text: string): DeepLink | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== `${deepLinkScheme}:` || url.username || url.password) return null;
  const server = hostText.safeParse(url.host.toLowerCase());
  if (!server.success) return null;
  const port = url.port === '' ? null : Number(url.port);
  if (port !== null && (port < 1 || port > 65535)) return null;
  const parts = url.pathname.replace(/\/+$/, '').split('/').slice(1);
  if (parts.length === 1 && parts[0] === 'join') {
    const tls = url.searchParams.get('tls');
    if (tls !== null && tls !== 'off') return null;
    return { kind: 'join', server: server.data, serverUrl: `${tls === 'off' ? 'http' : 'https'}://${server.data}` };
  }
  if (parts.length !== 2 || url.search !== '') return null;
  const id = idText.safeParse(parts[1]);
  if (!id.success) return null;
  if (parts[0] === 'room') return { kind: 'room', server: server.data, roomId: id.data };
  if (parts[0] === 'group') return { kind: 'group', server: server.data, groupId: id.data };
  return null;
}

/** Every link from outside goes through this schema: an unknown or malformed one becomes null. */
export const deepLinkSchema = z.string().max(2048).transform(parse);

export function parseDeepLink(input: unknown): DeepLink | null {
  const result = deepLinkSchema.safeParse(input);
  return result.success ? result.data : null;
}

/** The link a launch carries on Windows and Linux: the first argument in the parley scheme. */
export function deepLinkInArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${deepLinkScheme}://`)) ?? null;
}

/** The `<server>` part of links to the server at this URL. */
export function linkServerOf(serverUrl: string): string | null {
  try {
    return new URL(serverUrl).host.toLowerCase();
  } catch {
    return null;
  }
}
