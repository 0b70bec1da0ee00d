import { describe, expect, it, vi } from 'vitest';
import { catchUp, loadOlder, openConversation } from '../../src/renderer/src/actions/conversation-actions';
import { chatMessage, setup } from './fake-bridge';

function groupPage(ids: number[], hasMore: boolean) {
  return {
    ok: true as const,
    value: {
      chat_group_id: 5,
      chat_group_name: 'General',
      author_id: 1,
      present_user_ids: [1],
      messages: ids.map((id) => chatMessage(id, 2)),
      has_more: hasMore,
    },
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('history paging', () => {
  it('opening a group enters it and shows the newest page', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.api.chatGroup).mockResolvedValue(groupPage(range(101, 200), true));
    await openConversation(ctx, 'group:5');
    expect(ctx.bridge.api.chatGroup).toHaveBeenCalledWith(5, {});
    const c = ctx.store.getState().conversations['group:5'];
    expect([c?.messages.length, c?.hasMore]).toEqual([100, true]);
  });

  it('scrolling back asks for the messages older than the oldest one held', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.api.chatGroup).mockResolvedValueOnce(groupPage(range(101, 200), true)).mockResolvedValueOnce(groupPage(range(1, 100), false));
    await openConversation(ctx, 'group:5');
    await loadOlder(ctx, 'group:5');
    expect(ctx.bridge.api.chatGroup).toHaveBeenLastCalledWith(5, { until: 101 });
    const c = ctx.store.getState().conversations['group:5'];
    expect([c?.messages[0]?.id, c?.messages.length, c?.hasMore]).toEqual([1, 200, false]);
  });

  it('no older page is asked for once has_more is false', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.api.chatGroup).mockResolvedValue(groupPage(range(1, 10), false));
    await openConversation(ctx, 'group:5');
    await loadOlder(ctx, 'group:5');
    expect(ctx.bridge.api.chatGroup).toHaveBeenCalledTimes(1);
  });

  it('only one older page is fetched at a time', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.api.chatGroup).mockResolvedValue(groupPage(range(101, 200), true));
    await openConversation(ctx, 'group:5');
    await Promise.all([loadOlder(ctx, 'group:5'), loadOlder(ctx, 'group:5')]);
    expect(ctx.bridge.api.chatGroup).toHaveBeenCalledTimes(2);
  });

  it('catching up after a reconnect re-reads the last two seconds held and adds no duplicate', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.api.chatGroup).mockResolvedValueOnce(groupPage(range(1, 10), false)).mockResolvedValueOnce(groupPage(range(10, 12), false));
    await openConversation(ctx, 'group:5');
    await catchUp(ctx, 'group:5');
    // Held 1–10, a second apart: from 8, two seconds before the newest.
    expect(ctx.bridge.api.chatGroup).toHaveBeenLastCalledWith(5, { after: 8 });
    expect(ctx.store.getState().conversations['group:5']?.messages.map((m) => m.id)).toEqual(range(1, 12));
  });

  it('a person with no room yet opens as an empty conversation without a request', async () => {
    const ctx = setup();
    await openConversation(ctx, 'user:3');
    expect(ctx.bridge.api.chatRoom).not.toHaveBeenCalled();
    expect(ctx.store.getState().conversations['user:3']).toMatchObject({ status: 'ready', messages: [], hasMore: false });
  });
});
