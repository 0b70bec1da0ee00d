import type { Coalesced } from '../notifications/coalescer.js';

/**
 * With more than one server signed in, a notification says which one it came from (in its
 * title, which every OS shows); with one, it stays as it is.
 */
export function namedForServer(notification: Coalesced, serverLabel: string, serverCount: number): Coalesced {
  if (serverCount <= 1) return notification;
  return { ...notification, title: `${notification.title} · ${serverLabel}` };
}
