import type { NotificationRequest } from '@parley/shared/client';

/** The page's notifications: the browser's Notification API, when the user allowed it. */
export interface BrowserNotifier {
  show(request: NotificationRequest, onClick: () => void): void;
  askPermission(): void;
}

export const browserNotifier: BrowserNotifier = {
  show(request, onClick) {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    // One notification per conversation: a newer one with the same tag replaces it.
    const notification = new Notification(request.title, { body: request.body, tag: request.key });
    notification.onclick = () => {
      window.focus();
      onClick();
      notification.close();
    };
  },
  askPermission() {
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
      void Notification.requestPermission().catch(() => undefined);
    }
  },
};
