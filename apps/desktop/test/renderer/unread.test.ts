import { describe, expect, it, vi } from 'vitest';
import { openConversation } from '../../src/renderer/src/actions/conversation-actions';
import { loadDirectory } from '../../src/renderer/src/actions/directory-actions';
import { handleServerEvent } from '../../src/renderer/src/actions/server-events';
import { unreadFromNotifications } from '../../src/renderer/src/stores/unread-slice';
import { bob, chatMessage, setup } from './fake-bridge';

const roomWithBob = { chat_room_id: 40, other_user: bob, last_message: null, unread_count: 0 };

describe('unread counts', () => {
  it('notifications are counted per person for rooms and per group', () => {
    const unread = unreadFromNotifications(
      [
        { chat_room_id: 40, unread_count: 2, last_message: null },
        { chat_group_id: 5, unread_count: 3, last_message: null },
      ],
      { userByRoom: { 40: 2 }, recipientByClientId: {} },
    );
    expect(unread).toEqual({ 'user:2': 2, 'group:5': 3 });
  });

  it('a notification for a conversation in the background raises its count', async () => {
    const ctx = setup();
    ctx.store.getState().setRooms([roomWithBob]);
    await handleServerEvent(ctx, { event: 'notification', payload: { chat_room_id: 40, unread_count: 1 } });
    expect(ctx.store.getState().unread['user:2']).toBe(1);
  });

  it('a notification for a room not seen yet refetches the rooms to place it', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.api.chatRooms).mockResolvedValue({ ok: true, value: { chat_rooms: [roomWithBob] } });
    await handleServerEvent(ctx, { event: 'notification', payload: { chat_room_id: 40, unread_count: 1 } });
    expect(ctx.store.getState().unread['user:2']).toBe(1);
  });

  it('opening a conversation clears its count and marks it read on the server', async () => {
    const ctx = setup();
    ctx.store.getState().setRooms([roomWithBob]);
    ctx.store.getState().setUnread('user:2', 3);
    vi.mocked(ctx.bridge.api.chatRoom).mockResolvedValue({ ok: true, value: { chat_room_id: 40, other_user: bob, messages: [], has_more: false } });
    await openConversation(ctx, 'user:2');
    expect(ctx.store.getState().unread['user:2']).toBe(0);
    expect(ctx.bridge.api.markRead).toHaveBeenCalledWith({ chat_room_id: 40 });
  });

  it('a message arriving in the open conversation marks it read again', async () => {
    const ctx = setup();
    ctx.store.getState().setRooms([roomWithBob]);
    vi.mocked(ctx.bridge.api.chatRoom).mockResolvedValue({ ok: true, value: { chat_room_id: 40, other_user: bob, messages: [], has_more: false } });
    await openConversation(ctx, 'user:2');
    vi.mocked(ctx.bridge.api.markRead).mockClear();
    await handleServerEvent(ctx, { event: 'message', payload: { chat_type: 'room', chat_room_id: 40, ...chatMessage(8, 2) } });
    expect(ctx.bridge.api.markRead).toHaveBeenCalledWith({ chat_room_id: 40 });
  });

  it('nothing is marked read while the window is hidden', async () => {
    const ctx = setup({ visible: false });
    ctx.store.getState().setRooms([roomWithBob]);
    vi.mocked(ctx.bridge.api.chatRoom).mockResolvedValue({ ok: true, value: { chat_room_id: 40, other_user: bob, messages: [], has_more: false } });
    await openConversation(ctx, 'user:2');
    await handleServerEvent(ctx, { event: 'notification', payload: { chat_room_id: 40, unread_count: 1 } });
    expect(ctx.bridge.api.markRead).not.toHaveBeenCalled();
    expect(ctx.store.getState().unread['user:2']).toBe(1);
  });

  it('the directory load takes unread counts from GET /notifications', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.api.chatRooms).mockResolvedValue({ ok: true, value: { chat_rooms: [roomWithBob] } });
    vi.mocked(ctx.bridge.api.notifications).mockResolvedValue({
      ok: true,
      value: { notifications: [{ chat_room_id: 40, unread_count: 4, last_message: null }], total_unread: 4 },
    });
    await loadDirectory(ctx);
    expect(ctx.store.getState().unread['user:2']).toBe(4);
  });
});
