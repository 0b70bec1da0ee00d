import { describe, expect, it } from 'vitest';
import { RoomLinkMap } from '@parley/shared/client';
import { countsFromResponse, totalUnread, trayView, unreadKey, withCount } from '../../src/main/notifications/unread-state.js';

const message = { id: 9, user_id: 2, message: 'hi', timestamp: '2026-11-24T09:30:00.000Z' };
const bob = { user_id: 2, first_name: 'Bob', last_name: 'B', online: true };
const rooms = new RoomLinkMap();
rooms.learnRooms([{ chat_room_id: 1, other_user: bob }]);

describe('unread state → tray and badge', () => {
  it('no unread messages: the plain icon, "Parley", no badge', () => {
    expect(trayView(0)).toEqual({ icon: 'idle', tooltip: 'Parley', badgeCount: 0 });
  });

  it('unread messages: the unread icon, the count in the tooltip and on the badge', () => {
    expect(trayView(3)).toEqual({ icon: 'unread', tooltip: 'Parley — 3 unread', badgeCount: 3 });
  });

  it('the total sums rooms and groups from GET /notifications', () => {
    const counts = countsFromResponse(
      {
        notifications: [
          { chat_room_id: 1, unread_count: 2, last_message: message },
          { chat_group_id: 1, unread_count: 5, last_message: message },
        ],
        total_unread: 7,
      },
      rooms,
    );
    expect(totalUnread(counts)).toBe(7);
  });

  it('counts are kept under the conversation key: a room under the person it is with', () => {
    expect([unreadKey({ chat_room_id: 1 }, rooms), unreadKey({ chat_group_id: 1 }, rooms)]).toEqual(['user:2', 'group:1']);
    expect(unreadKey({ chat_room_id: 99 }, rooms)).toBeNull();
  });

  it('a count of one conversation changes that conversation only', () => {
    const start = countsFromResponse({ notifications: [{ chat_room_id: 1, unread_count: 2, last_message: message }], total_unread: 2 }, rooms);
    const next = withCount(start, 'group:1', 1);
    expect(totalUnread(next)).toBe(3);
    expect(totalUnread(withCount(next, 'user:2', 4))).toBe(5);
  });

  it('marking a conversation read removes its count', () => {
    const counts = withCount(new Map(), 'user:2', 2);
    expect(totalUnread(withCount(counts, 'user:2', 0))).toBe(0);
  });
});
