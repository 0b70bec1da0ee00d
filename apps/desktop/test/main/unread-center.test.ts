import { beforeEach, describe, expect, it } from 'vitest';
import type { NotificationRequest } from '@parley/shared/client';
import { Directory, RoomLinkMap } from '@parley/shared/client';
import { UnreadCenter, refreshUnread } from '../../src/main/notifications/unread-center.js';
import type { TrayView } from '../../src/main/notifications/unread-state.js';

const ts = '2026-11-24T09:30:00.000Z';
let views: TrayView[];
let notified: NotificationRequest[];
let forgotten: string[];
let directory: Directory;
let rooms: RoomLinkMap;
let center: UnreadCenter;
let focused: boolean;

beforeEach(() => {
  views = [];
  notified = [];
  forgotten = [];
  focused = true;
  directory = new Directory();
  rooms = new RoomLinkMap();
  rooms.learnRooms([{ chat_room_id: 4, other_user: { user_id: 2, first_name: 'Bob', last_name: 'B', online: true } }]);
  center = new UnreadCenter({
    directory,
    rooms,
    render: (view) => views.push(view),
    notify: (request) => notified.push(request),
    forget: (key) => forgotten.push(key),
    context: () => ({ selfUserId: 1, activeConversation: null, windowFocused: focused, windowVisible: true }),
  });
});

describe('unread center', () => {
  it('GET /notifications at start sets tray and badge', () => {
    center.replace({ notifications: [{ chat_room_id: 4, unread_count: 3, last_message: null }], total_unread: 3 });
    expect(views.at(-1)).toEqual({ icon: 'unread', tooltip: 'Parley — 3 unread', badgeCount: 3 });
  });

  it('a notification event updates the tray', () => {
    center.handle({ event: 'notification', payload: { chat_group_id: 2, unread_count: 1 } });
    expect(views.at(-1)?.badgeCount).toBe(1);
  });

  it('marking read clears the count and the held notifications of that conversation', () => {
    center.handle({ event: 'notification', payload: { chat_room_id: 4, unread_count: 2 } });
    center.markedRead({ chat_room_id: 4 });
    expect(views.at(-1)).toEqual({ icon: 'idle', tooltip: 'Parley', badgeCount: 0 });
    expect(forgotten).toEqual(['user:2']);
  });

  it('a group created or renamed later is known by name in notifications', () => {
    center.handle({ event: 'group_created', payload: { chat_group_id: 5, chat_group_name: 'Ops', author_id: 2 } });
    center.handle({ event: 'group_updated', payload: { chat_group_id: 5, chat_group_name: 'Ops team', author_id: 2 } });
    center.handle({ event: 'user_registered', payload: { user_id: 2, first_name: 'Bob', last_name: 'B' } });
    center.handle({ event: 'message', payload: { chat_type: 'group', id: 1, user_id: 2, chat_group_id: 5, message: 'hi', timestamp: ts } });
    expect(notified).toEqual([expect.objectContaining({ title: 'Ops team', body: 'Bob: hi' })]);
  });

  it("a room's count is placed by the message that came before it, from someone not yet known", () => {
    center.handle({ event: 'message', payload: { chat_type: 'room', id: 1, user_id: 3, chat_room_id: 8, message: 'hi', timestamp: ts } });
    center.handle({ event: 'notification', payload: { chat_room_id: 8, unread_count: 1 } });
    center.markedRead({ chat_room_id: 8 });
    expect([views.map((v) => v.badgeCount), forgotten]).toEqual([[1, 0], ['user:3']]);
  });

  it('signing out clears counts and names', () => {
    center.handle({ event: 'notification', payload: { chat_room_id: 4, unread_count: 2 } });
    center.reset();
    expect(center.total).toBe(0);
    expect(directory.userName(2)).toBeUndefined();
  });

  it('refresh loads names and counts, and keeps the old ones when a call fails', async () => {
    await refreshUnread(center, { directory, rooms }, {
      notifications: async () => ({ ok: true, value: { notifications: [{ chat_room_id: 1, unread_count: 2, last_message: null }], total_unread: 2 } }),
      users: async () => ({ ok: true, value: { users: [{ user_id: 2, first_name: 'Bob', last_name: 'B', online: true }] } }),
      chatGroups: async () => ({ ok: false, error: { code: 'internal', message: 'down' } }),
      chatRooms: async () => ({
        ok: true,
        value: { chat_rooms: [{ chat_room_id: 1, other_user: { user_id: 2, first_name: 'Bob', last_name: 'B', online: true }, last_message: null, unread_count: 2 }] },
      }),
    });
    expect(center.total).toBe(2);
    expect(directory.userName(2)).toBe('Bob B');
    await refreshUnread(center, { directory, rooms }, {
      notifications: async () => ({ ok: false, error: { code: 'internal', message: 'down' } }),
      users: async () => ({ ok: false, error: { code: 'internal', message: 'down' } }),
      chatGroups: async () => ({ ok: false, error: { code: 'internal', message: 'down' } }),
      chatRooms: async () => ({ ok: false, error: { code: 'internal', message: 'down' } }),
    });
    expect(center.total).toBe(2);
  });
});
