import { describe, expect, it } from 'vitest';
import { Directory, RoomLinkMap } from '@parley/shared/client';
import { UnreadCenter } from '../../src/main/notifications/unread-center.js';
import { trayView, type TrayView } from '../../src/main/notifications/unread-state.js';

const ts = '2026-11-24T09:30:00.000Z';

function center(looking: { active: boolean }) {
  const views: TrayView[] = [];
  const directory = new Directory();
  directory.replaceUsers([{ user_id: 2, first_name: 'Bob', last_name: 'B' }]);
  directory.replaceGroups([{ chat_group_id: 5, chat_group_name: 'Team', author_id: 2 }]);
  const unread = new UnreadCenter({
    directory,
    rooms: new RoomLinkMap(),
    render: (view) => views.push(view),
    notify: () => undefined,
    forget: () => undefined,
    context: () => ({
      selfUserId: 1,
      activeConversation: looking.active ? { kind: 'group', groupId: 5 } : null,
      windowFocused: true,
      windowVisible: true,
    }),
  });
  return { unread, views };
}

describe('the tray counts mentions', () => {
  it('from GET /notifications and from live messages that mention you elsewhere, until read', () => {
    const { unread, views } = center({ active: false });
    unread.replace({ notifications: [{ chat_group_id: 5, unread_count: 3, mention_count: 1, last_message: null }], total_unread: 3 });
    expect(views.at(-1)).toEqual({ icon: 'unread', tooltip: 'Parley — 3 unread, 1 mention', badgeCount: 3 });
    unread.handle({ event: 'message', payload: { chat_type: 'group', id: 9, user_id: 2, chat_group_id: 5, message: '<@1> look', timestamp: ts } });
    unread.handle({ event: 'notification', payload: { chat_group_id: 5, unread_count: 4 } });
    expect(views.at(-1)?.tooltip).toBe('Parley — 4 unread, 2 mentions');
    unread.markedRead({ chat_group_id: 5 });
    expect(views.at(-1)).toEqual({ icon: 'idle', tooltip: 'Parley', badgeCount: 0 });
  });

  it('not while the mentioned conversation is on screen', () => {
    const { unread, views } = center({ active: true });
    unread.handle({ event: 'message', payload: { chat_type: 'group', id: 9, user_id: 2, chat_group_id: 5, message: '<@1> look', timestamp: ts } });
    unread.handle({ event: 'notification', payload: { chat_group_id: 5, unread_count: 1 } });
    expect(views.at(-1)?.tooltip).toBe('Parley — 1 unread');
    expect(trayView(2, 0).tooltip).toBe('Parley — 2 unread');
  });
});
