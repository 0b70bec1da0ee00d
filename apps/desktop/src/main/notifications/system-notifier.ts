import { Notification } from 'electron';
import type { ConversationRef } from '@parley/shared/ipc';
import type { Coalesced } from './coalescer.js';

/**
 * Shows coalesced notifications with Electron's `Notification`. One live notification per
 * conversation: a newer one replaces it. Each is kept referenced until closed, since a
 * garbage-collected notification loses its click handler.
 */
export function createSystemNotifier(onClick: (conversation: ConversationRef) => void, icon?: string) {
  const live = new Map<string, Notification>();
  return (notification: Coalesced): void => {
    if (!Notification.isSupported()) return;
    live.get(notification.key)?.close();
    const shown = new Notification({
      title: notification.title,
      body: notification.body,
      silent: notification.count > 1,
      ...(icon ? { icon } : {}),
    });
    shown.on('click', () => onClick(notification.conversation));
    shown.on('close', () => {
      if (live.get(notification.key) === shown) live.delete(notification.key);
    });
    live.set(notification.key, shown);
    shown.show();
  };
}
