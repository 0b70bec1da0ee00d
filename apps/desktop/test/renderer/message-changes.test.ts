import { describe, expect, it, vi } from 'vitest';
import type { ChatGroupResponse, ChatMessageState } from '@parley/shared';
import { catchUp, openConversation } from '../../src/renderer/src/actions/conversation-actions';
import { deleteMessage, editMessage, noteTyping, stoppedTyping, toggleReaction } from '../../src/renderer/src/actions/message-change-actions';
import { handleServerEvent } from '../../src/renderer/src/actions/server-events';
import { reactionLabel } from '../../src/renderer/src/features/message-changes/reaction-label';
import { typingUserIds } from '../../src/renderer/src/stores/typing-slice';
import { chatMessage, setup } from './fake-bridge';

const group = (messages: ChatMessageState[], change_cursor = 0): ChatGroupResponse => ({
  chat_group_id: 5,
  chat_group_name: 'Team',
  author_id: 1,
  present_user_ids: [1],
  messages,
  has_more: false,
  change_cursor,
});

const held = (ctx: ReturnType<typeof setup>) => ctx.store.getState().conversations['group:5'];

describe('message changes in the renderer', () => {
  it('a message_changed event replaces the text in place and marks it edited, keeping the row', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.api.chatGroup).mockResolvedValue({ ok: true, value: group([chatMessage(1, 2, 'helo'), chatMessage(2, 1)]) });
    await openConversation(ctx, 'group:5');
    const key = held(ctx)?.messages[0]?.key;
    const edited = { ...chatMessage(1, 2, 'hello'), edited_at: '2026-11-24T09:31:00.000Z' };
    await handleServerEvent(ctx, { event: 'message_changed', payload: { chat_type: 'group', chat_group_id: 5, message: edited, change_cursor: 9 } });
    expect(held(ctx)?.messages[0]).toMatchObject({ key, text: 'hello', editedAt: '2026-11-24T09:31:00.000Z', deleted: false });
    expect(held(ctx)?.changeCursor).toBe(9);
  });

  it('a deleted message becomes a placeholder without text or reactions', async () => {
    const ctx = setup();
    const withReaction = { ...chatMessage(1, 2, 'secret'), reactions: [{ emoji: '👍', user_ids: [1] }] };
    vi.mocked(ctx.bridge.api.chatGroup).mockResolvedValue({ ok: true, value: group([withReaction]) });
    await openConversation(ctx, 'group:5');
    expect(held(ctx)?.messages[0]?.reactions).toEqual([{ emoji: '👍', user_ids: [1] }]);
    const { message: _text, ...rest } = chatMessage(1, 2);
    await handleServerEvent(ctx, { event: 'message_changed', payload: { chat_type: 'group', chat_group_id: 5, message: { ...rest, deleted: true }, change_cursor: 3 } });
    expect(held(ctx)?.messages[0]).toMatchObject({ text: '', deleted: true, reactions: [] });
  });

  it('edit, delete and react send their change and apply the acknowledged state', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.api.chatGroup).mockResolvedValue({ ok: true, value: group([chatMessage(1, 1, 'mine')]) });
    await openConversation(ctx, 'group:5');
    vi.mocked(ctx.bridge.chat.changeMessage).mockResolvedValue({ ok: true, message: { ...chatMessage(1, 1, 'new'), edited_at: '2026-11-24T09:31:00.000Z' }, change_cursor: 4 });
    await editMessage(ctx, 'group:5', 1, 'new');
    expect(held(ctx)?.messages[0]).toMatchObject({ text: 'new', editedAt: expect.any(String) });
    vi.mocked(ctx.bridge.chat.changeMessage).mockResolvedValue({ ok: true, message: { ...chatMessage(1, 1, 'new'), reactions: [{ emoji: '🎉', user_ids: [1] }] }, change_cursor: 5 });
    await toggleReaction(ctx, 'group:5', 1, '🎉');
    vi.mocked(ctx.bridge.chat.changeMessage).mockResolvedValue({ ok: false, error: { code: 'forbidden', message: 'Only its author can delete a message.' } });
    await deleteMessage(ctx, 'group:5', 1);
    expect(vi.mocked(ctx.bridge.chat.changeMessage).mock.calls.map((c) => c[0])).toEqual([
      { change: 'edit', chat_type: 'group', id: 1, message: 'new' },
      { change: 'react', chat_type: 'group', id: 1, emoji: '🎉' },
      { change: 'delete', chat_type: 'group', id: 1 },
    ]);
    expect(held(ctx)).toMatchObject({ error: 'Only its author can delete a message.', changeCursor: 5 });
    expect(held(ctx)?.messages[0]).toMatchObject({ deleted: false, reactions: [{ emoji: '🎉', user_ids: [1] }] });
  });

  it('a catch-up asks for the changes after the cursor held and applies them to the rows held', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.api.chatGroup)
      .mockResolvedValueOnce({ ok: true, value: group([chatMessage(1, 2, 'old'), chatMessage(4, 2)], 7) })
      .mockResolvedValueOnce({ ok: true, value: group([{ ...chatMessage(1, 2, 'fixed'), edited_at: '2026-11-24T09:31:00.000Z' }, chatMessage(5, 2)], 8) });
    await openConversation(ctx, 'group:5');
    await catchUp(ctx, 'group:5');
    expect(ctx.bridge.api.chatGroup).toHaveBeenLastCalledWith(5, { after: 1, changed_after: 7 });
    expect(held(ctx)?.messages.map((m) => [m.id, m.text])).toEqual([[1, 'fixed'], [4, 'message 4'], [5, 'message 5']]);
    expect(held(ctx)?.changeCursor).toBe(8);
  });
});

describe('typing', () => {
  it('is sent at most once every 3 s per conversation, and at once again after a send', () => {
    let now = Date.parse('2026-11-24T09:30:00.000Z');
    const ctx = { ...setup(), now: () => new Date(now) };
    noteTyping(ctx, 'group:9');
    noteTyping(ctx, 'group:9');
    now += 2_999;
    noteTyping(ctx, 'group:9');
    now += 1;
    noteTyping(ctx, 'group:9');
    stoppedTyping('group:9');
    noteTyping(ctx, 'group:9');
    expect(vi.mocked(ctx.bridge.chat.typing).mock.calls).toEqual([
      [{ chat_type: 'group', chat_group_id: 9 }],
      [{ chat_type: 'group', chat_group_id: 9 }],
      [{ chat_type: 'group', chat_group_id: 9 }],
    ]);
  });

  it('nothing is sent for the bot chat or a person without a room yet', () => {
    const ctx = setup();
    noteTyping(ctx, 'bot');
    noteTyping(ctx, 'user:3');
    expect(ctx.bridge.chat.typing).not.toHaveBeenCalled();
  });

  it('a typing event shows for 5 s and the person’s message clears it', async () => {
    const ctx = setup();
    await handleServerEvent(ctx, { event: 'typing', payload: { chat_type: 'group', chat_group_id: 5, user_id: 2 } });
    const now = ctx.now().getTime();
    const typing = ctx.store.getState().typing['group:5'];
    expect(typingUserIds(typing, now)).toEqual([2]);
    expect(typingUserIds(typing, now + 5_000)).toEqual([]);
    await handleServerEvent(ctx, { event: 'message', payload: { chat_type: 'group', chat_group_id: 5, ...chatMessage(3, 2) } });
    expect(typingUserIds(ctx.store.getState().typing['group:5'], now)).toEqual([]);
  });
});

describe('reaction chips', () => {
  it('name the emoji, the count and who reacted', () => {
    const names: Record<number, string> = { 1: 'Ada Lovelace', 2: 'Bob Babbage' };
    expect(reactionLabel({ emoji: '👍', user_ids: [1, 2] }, (id) => names[id]!)).toBe('👍 2: Ada Lovelace, Bob Babbage');
  });
});
