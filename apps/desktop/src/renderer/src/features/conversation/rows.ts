import type { Notice } from '../../stores/conversations-slice';
import type { UiMessage } from '../../stores/message-list';
import { dayKey } from '../../lib/format';

export type Row =
  | { kind: 'day'; key: string; timestamp: string }
  | { kind: 'message'; key: string; message: UiMessage; showHeader: boolean }
  | { kind: 'notice'; key: string; notice: Notice }
  | { kind: 'unread'; key: string };

// Messages by the same person within this span read as one block under a single name.
const groupingWindowMs = 5 * 60 * 1000;

/**
 * Flattens a conversation into list rows: day separators, messages, inline notices, and the
 * "New messages" line above `firstUnreadId`.
 */
export function buildRows(messages: readonly UiMessage[], notices: readonly Notice[], firstUnreadId: number | null = null): Row[] {
  const noticesAfter = new Map<number | null, Notice[]>();
  for (const n of notices) {
    const list = noticesAfter.get(n.afterId) ?? [];
    list.push(n);
    noticesAfter.set(n.afterId, list);
  }
  const rows: Row[] = [];
  let lastDay = '';
  let previous: UiMessage | null = null;
  const pushNotices = (afterId: number | null) => {
    for (const notice of noticesAfter.get(afterId) ?? []) {
      rows.push({ kind: 'notice', key: `notice:${notice.key}`, notice });
      previous = null;
    }
  };
  pushNotices(null);
  for (const message of messages) {
    const day = dayKey(message.timestamp);
    if (day !== lastDay) {
      rows.push({ kind: 'day', key: `day:${day}`, timestamp: message.timestamp });
      lastDay = day;
      previous = null;
    }
    if (firstUnreadId !== null && message.id === firstUnreadId) {
      rows.push({ kind: 'unread', key: 'unread-line' });
      previous = null;
    }
    const p: UiMessage | null = previous;
    const continues =
      p !== null && p.authorId === message.authorId && Date.parse(message.timestamp) - Date.parse(p.timestamp) < groupingWindowMs;
    rows.push({ kind: 'message', key: message.key, message, showHeader: !continues });
    previous = message;
    if (message.id !== null) pushNotices(message.id);
  }
  return rows;
}
