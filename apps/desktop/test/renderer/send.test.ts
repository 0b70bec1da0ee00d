import { describe, expect, it, vi } from 'vitest';
import type { SendAck } from '@parley/shared';
import { openConversation } from '../../src/renderer/src/actions/conversation-actions';
import { retryUnconfirmed, sendMessage } from '../../src/renderer/src/actions/send-actions';
import { handleServerEvent } from '../../src/renderer/src/actions/server-events';
import { chatMessage, setup } from './fake-bridge';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('optimistic sends', () => {
  it('a message shows as pending before the server answers', async () => {
    const ctx = setup();
    const ack = deferred<SendAck>();
    vi.mocked(ctx.bridge.chat.send).mockReturnValue(ack.promise);
    await openConversation(ctx, 'user:2');
    const sending = sendMessage(ctx, 'user:2', 'hello');
    expect(ctx.store.getState().conversations['user:2']?.messages.map((m) => m.status)).toEqual(['pending']);
    ack.resolve({ ok: true, message: { ...chatMessage(7, 1, 'hello'), chat_room_id: 40 } });
    await sending;
    expect(ctx.store.getState().conversations['user:2']?.messages.map((m) => [m.id, m.status])).toEqual([[7, 'sent']]);
  });

  it('a first message to someone sends other_user_id and learns the room from the ack', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.chat.send).mockResolvedValue({ ok: true, message: { ...chatMessage(7, 1, 'hello'), chat_room_id: 40 } });
    await openConversation(ctx, 'user:2');
    await sendMessage(ctx, 'user:2', 'hello');
    expect(vi.mocked(ctx.bridge.chat.send).mock.calls[0]?.[0]).toMatchObject({ chat_type: 'room', other_user_id: 2, message: 'hello' });
    expect(ctx.store.getState().roomByUser[2]).toBe(40);
  });

  it('the echo arriving before the ack is not shown twice', async () => {
    const ctx = setup();
    const ack = deferred<SendAck>();
    vi.mocked(ctx.bridge.chat.send).mockReturnValue(ack.promise);
    await openConversation(ctx, 'user:2');
    const sending = sendMessage(ctx, 'user:2', 'hello');
    const clientId = ctx.store.getState().conversations['user:2']?.messages[0]?.clientId ?? undefined;
    await handleServerEvent(ctx, { event: 'message', payload: { chat_type: 'room', chat_room_id: 40, ...chatMessage(7, 1, 'hello', clientId) } });
    ack.resolve({ ok: true, message: { ...chatMessage(7, 1, 'hello', clientId), chat_room_id: 40 } });
    await sending;
    expect(ctx.store.getState().conversations['user:2']?.messages.map((m) => m.id)).toEqual([7]);
    // The echo was placed by the send it answers, not by asking the server for the rooms.
    expect([ctx.bridge.api.chatRooms, ctx.store.getState().recipientByClientId]).toEqual([expect.anything(), {}]);
    expect(ctx.bridge.api.chatRooms).not.toHaveBeenCalled();
  });

  it('a refused send is shown as failed with the reason', async () => {
    const ctx = setup();
    await openConversation(ctx, 'bot');
    await sendMessage(ctx, 'bot', 'hello');
    expect(ctx.store.getState().conversations.bot?.messages[0]).toMatchObject({ status: 'failed', error: 'Not connected to the server.' });
  });

  it('unconfirmed messages are sent again with the same client_id after a reconnect', async () => {
    const ctx = setup();
    await openConversation(ctx, 'group:5');
    await sendMessage(ctx, 'group:5', 'hello');
    const first = vi.mocked(ctx.bridge.chat.send).mock.calls[0]?.[0];
    vi.mocked(ctx.bridge.chat.send).mockResolvedValue({ ok: true, message: { ...chatMessage(9, 1, 'hello'), chat_group_id: 5 } });
    await retryUnconfirmed(ctx);
    const second = vi.mocked(ctx.bridge.chat.send).mock.calls[1]?.[0];
    expect(second?.client_id).toBe(first?.client_id);
    expect(ctx.store.getState().conversations['group:5']?.messages.map((m) => [m.id, m.status])).toEqual([[9, 'sent']]);
  });
});
