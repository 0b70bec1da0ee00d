import type { MessageEvent } from '@parley/shared';
import type { ConversationRef } from '@parley/shared/ipc';

/** Where a message event belongs, from this user's point of view (null: the bot). */
export function conversationOfEvent(event: MessageEvent, selfId: number): ConversationRef | null {
  if (event.chat_type === 'group') return { kind: 'group', groupId: event.chat_group_id };
  if (event.chat_type === 'room' && event.user_id !== selfId) return { kind: 'room', userId: event.user_id };
  return null;
}

export function sameConversation(a: ConversationRef | null, b: ConversationRef | null): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'room' && b.kind === 'room') return a.userId === b.userId;
  if (a.kind === 'group' && b.kind === 'group') return a.groupId === b.groupId;
  return a.kind === 'bot';
}

/**
 * The browser's Notification API, used only when the message would otherwise go unseen: the tab
 * is hidden or another conversation is open.
 */
export function showBrowserNotification(options: {
  title: string;
  body: string;
  tag: string;
  onClick: () => void;
}): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const body = options.body.length > 140 ? `${options.body.slice(0, 139)}…` : options.body;
  const notification = new Notification(options.title, { body, tag: options.tag });
  notification.onclick = () => {
    window.focus();
    options.onClick();
    notification.close();
  };
}

export function askNotificationPermission(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
    void Notification.requestPermission().catch(() => undefined);
  }
}
