/**
 * What a server's tile in the switcher shows: two letters of its name, the leftmost part of its
 * host that says something ("chat.acme.com" → "Ac"); an address without a name shows its last
 * number ("192.168.1.20:4100" → "20").
 */
export function serverBadgeOf(label: string): string {
  const host = label.replace(/:\d+$/u, '');
  if (/^[\d.]+$/u.test(host) || host.startsWith('[')) return host.split('.').at(-1)?.replace(/\W/gu, '').slice(-3) || '·';
  const parts = host.split('.').filter((part) => part !== '' && !['www', 'chat', 'parley'].includes(part));
  const name = parts[0] ?? host;
  return name.charAt(0).toUpperCase() + name.charAt(1).toLowerCase();
}

/** The tile's accessible name: the server, its unread count and, when not connected, why. */
export function serverTileName(server: { label: string; unread: number; connection: string; active: boolean }): string {
  const parts = [server.label];
  if (server.unread > 0) parts.push(`${server.unread} unread`);
  if (server.connection === 'signed_out') parts.push('not signed in');
  else if (server.connection === 'reconnecting') parts.push('reconnecting');
  return parts.join(', ');
}
