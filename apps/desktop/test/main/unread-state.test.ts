import { describe, expect, it } from 'vitest';
import { countsFromResponse, totalUnread, trayView, withCount } from '../../src/main/notifications/unread-state.js';

const message = { id: 9, user_id: 2, message: 'hi', timestamp: '2026-11-24T09:30:00.000Z' };

describe('unread state → tray and badge', () => {
  it('no unread messages: the plain icon, "Parley", no badge', () => {
    expect(trayView(0)).toEqual({ icon: 'idle', tooltip: 'Parley', badgeCount: 0 });
  });

  it('unread messages: the unread icon, the count in the tooltip and on the badge', () => {
    expect(trayView(3)).toEqual({ icon: 'unread', tooltip: 'Parley — 3 unread', badgeCount: 3 });
  });

  it('the total sums rooms and groups from GET /notifications', () => {
    const counts = countsFromResponse({
      notifications: [
        { chat_room_id: 1, unread_count: 2, last_message: message },
        { chat_group_id: 1, unread_count: 5, last_message: message },
      ],
      total_unread: 7,
    });
    expect(totalUnread(counts)).toBe(7);
  });

  it('a notification event sets the count of its conversation only', () => {
    const start = countsFromResponse({ notifications: [{ chat_room_id: 1, unread_count: 2, last_message: message }], total_unread: 2 });
    const next = withCount(start, { chat_group_id: 1, unread_count: 1 });
    expect(totalUnread(next)).toBe(3);
    expect(totalUnread(withCount(next, { chat_room_id: 1, unread_count: 4 }))).toBe(5);
  });

  it('a room and a group with the same id are different conversations', () => {
    const counts = withCount(withCount(new Map(), { chat_room_id: 1, unread_count: 2 }), { chat_group_id: 1, unread_count: 3 });
    expect(totalUnread(counts)).toBe(5);
  });

  it('marking a conversation read removes its count', () => {
    const counts = withCount(new Map(), { chat_room_id: 1, unread_count: 2 });
    expect(totalUnread(withCount(counts, { chat_room_id: 1, unread_count: 0 }))).toBe(0);
  });
});
