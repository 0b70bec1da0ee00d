import type { ChatGroup, NotificationsResponse, RoomChatMessage } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { call, signUp } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, nextEvent, send } from './support/sockets.js';

const server = useServer();

describe('notifications', () => {
  it('GET /notifications has one entry per conversation with unread messages and the total', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const group = (
      await call<ChatGroup>(server(), 'POST', '/chat_groups', { token: bob.token, body: { chat_group_name: `N ${Date.now()}` } })
    ).body;
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: ada.token });
    const bobSocket = await connect(server().url, bob.token);
    const roomAck = await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'dm 1' });
    await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'dm 2' });
    await send(bobSocket, { chat_type: 'group', chat_group_id: group.chat_group_id, message: 'to the group' });
    const roomId = (roomAck as { message: RoomChatMessage }).message.chat_room_id;
    const reply = await call<NotificationsResponse>(server(), 'GET', '/notifications', { token: ada.token });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      notifications: [
        {
          chat_group_id: group.chat_group_id,
          unread_count: 1,
          last_message: expect.objectContaining({ user_id: bob.user.user_id, message: 'to the group' }),
        },
        {
          chat_room_id: roomId,
          unread_count: 2,
          last_message: expect.objectContaining({ user_id: bob.user.user_id, message: 'dm 2' }),
        },
      ],
      total_unread: 3,
    });
  });

  it('a user with nothing unread gets an empty list', async () => {
    const ada = await signUp(server());
    const reply = await call(server(), 'GET', '/notifications', { token: ada.token });
    expect(reply.body).toEqual({ notifications: [], total_unread: 0 });
  });

  it('unread counts rise live and PUT /notifications clears a room', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const adaSocket = await connect(server().url, ada.token);
    const bobSocket = await connect(server().url, bob.token);
    const first = nextEvent(adaSocket, 'notification');
    const ack = await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'one' });
    const roomId = (ack as { message: RoomChatMessage }).message.chat_room_id;
    expect(await first).toEqual({ chat_room_id: roomId, unread_count: 1 });
    const second = nextEvent(adaSocket, 'notification');
    await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'two' });
    expect(await second).toEqual({ chat_room_id: roomId, unread_count: 2 });

    const read = await call(server(), 'PUT', '/notifications', { token: ada.token, body: { chat_room_id: roomId } });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ chat_room_id: roomId, unread_count: 0 });
    expect((await call(server(), 'GET', '/notifications', { token: ada.token })).body).toEqual({
      notifications: [],
      total_unread: 0,
    });
    const third = nextEvent(adaSocket, 'notification', (e) => e.unread_count > 0);
    await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'three' });
    expect(await third).toEqual({ chat_room_id: roomId, unread_count: 1 });
  });

  it('marking a conversation read tells the caller’s other sockets', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const adaOther = await connect(server().url, ada.token);
    const bobSocket = await connect(server().url, bob.token);
    const ack = await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'hi' });
    const roomId = (ack as { message: RoomChatMessage }).message.chat_room_id;
    const cleared = nextEvent(adaOther, 'notification', (e) => e.unread_count === 0);
    await call(server(), 'PUT', '/notifications', { token: ada.token, body: { chat_room_id: roomId } });
    expect(await cleared).toEqual({ chat_room_id: roomId, unread_count: 0 });
  });

  it('marking a room read clears only the caller’s side', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const adaSocket = await connect(server().url, ada.token);
    const bobSocket = await connect(server().url, bob.token);
    const ack = await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'to ada' });
    await send(adaSocket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'to bob' });
    const roomId = (ack as { message: RoomChatMessage }).message.chat_room_id;
    await call(server(), 'PUT', '/notifications', { token: ada.token, body: { chat_room_id: roomId } });
    const bobs = await call<NotificationsResponse>(server(), 'GET', '/notifications', { token: bob.token });
    expect(bobs.body.total_unread).toBe(1);
  });

  it('PUT /notifications clears a group', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const group = (
      await call<ChatGroup>(server(), 'POST', '/chat_groups', { token: bob.token, body: { chat_group_name: `G ${Date.now()}` } })
    ).body;
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: ada.token });
    const bobSocket = await connect(server().url, bob.token);
    await send(bobSocket, { chat_type: 'group', chat_group_id: group.chat_group_id, message: 'hi' });
    const read = await call(server(), 'PUT', '/notifications', { token: ada.token, body: { chat_group_id: group.chat_group_id } });
    expect(read.body).toEqual({ chat_group_id: group.chat_group_id, unread_count: 0 });
    expect((await call<NotificationsResponse>(server(), 'GET', '/notifications', { token: ada.token })).body.total_unread).toBe(0);
  });

  it('a conversation the caller is not in answers 404', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const eve = await signUp(server());
    const bobSocket = await connect(server().url, bob.token);
    const ack = await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'private' });
    const roomId = (ack as { message: RoomChatMessage }).message.chat_room_id;
    const room = await call(server(), 'PUT', '/notifications', { token: eve.token, body: { chat_room_id: roomId } });
    expect(room.status).toBe(404);
    const group = await call(server(), 'PUT', '/notifications', { token: eve.token, body: { chat_group_id: 987654321 } });
    expect(group.status).toBe(404);
    const far = await call(server(), 'PUT', '/notifications', { token: eve.token, body: { chat_room_id: 2 ** 60 } });
    expect(far.status).toBe(404);
  });

  it('a body with neither or both ids answers 400 invalid_input', async () => {
    const ada = await signUp(server());
    for (const body of [{}, { chat_room_id: 1, chat_group_id: 1 }, { chat_room_id: 'one' }]) {
      const reply = await call(server(), 'PUT', '/notifications', { token: ada.token, body });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ error: { code: 'invalid_input' } });
    }
  });
});
