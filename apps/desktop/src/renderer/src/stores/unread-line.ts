import type { UiMessage } from './message-list';

/**
 * Where the "New messages" line goes: above the `unread`-th newest message of someone else (the
 * unread count counts only others' messages, the server's own rule). When more are unread than
 * the page holds, the line goes above the oldest of them that is held. None when nothing is unread.
 */
export function firstUnreadId(messages: readonly UiMessage[], unread: number, selfId: number | null): number | null {
  if (unread <= 0) return null;
  let seen = 0;
  let oldest: number | null = null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.id === null || message.authorId === selfId) continue;
    seen += 1;
    oldest = message.id;
    if (seen === unread) return message.id;
  }
  return oldest;
}
