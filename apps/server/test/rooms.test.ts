import { randomUUID } from 'node:crypto';
import type { ChatRoomResponse, ChatRoomsResponse, RoomChatMessage } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { call, signUp } from './support/http.js';
import { textOf } from './support/history.js';
import { useServer } from './support/server.js';
import { collect, connect, nextEvent, send, sleep } from './support/sockets.js';

const server = useServer();

describe('direct messages', () => {
  it('the first message creates the room and the ack carries the stored message', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'hello Bob' });
    expect(ack).toEqual({
      ok: true,
      message: {
        id: expect.any(Number),
        chat_room_id: expect.any(Number),
        user_id: ada.user.user_id,
        message: 'hello Bob',
        timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      },
    });
  });

  it('every socket of the receiver and of the sender receives the message; the receiver a notification', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const adaSocket = await connect(server().url, ada.token);
    const adaSecond = await connect(server().url, ada.token);
    const bobSocket = await connect(server().url, bob.token);
    const adaNotifications = collect(adaSocket, 'notification');
    const events = [adaSocket, adaSecond, bobSocket].map((s) => nextEvent(s, 'message'));
    const bobNotification = nextEvent(bobSocket, 'notification');
    const ack = await send(adaSocket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'hi' });
    const sent = (ack as { message: RoomChatMessage }).message;
    for (const event of await Promise.all(events)) {
      expect(event).toEqual({ chat_type: 'room', ...sent });
    }
    expect(await bobNotification).toEqual({ chat_room_id: sent.chat_room_id, unread_count: 1 });
    await sleep(100);
    expect(adaNotifications).toHaveLength(0);
  });

  it('replies land in the same room, whichever side sends', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const a = await connect(server().url, ada.token);
    const b = await connect(server().url, bob.token);
    const first = await send(a, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'one' });
    const second = await send(b, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'two' });
    expect((second as { message: RoomChatMessage }).message.chat_room_id).toBe(
      (first as { message: RoomChatMessage }).message.chat_room_id,
    );
  });

  it('other_user_id of nobody answers not_found', async () => {
    const ada = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const ack = await send(socket, { chat_type: 'room', other_user_id: 987654321, message: 'anyone?' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('an other_user_id beyond the safe integer range answers not_found', async () => {
    const ada = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const ack = await send(socket, { chat_type: 'room', other_user_id: 2 ** 63, message: 'far away' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('the caller’s own id answers invalid_input', async () => {
    const ada = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const ack = await send(socket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'me' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('GET /chat_rooms lists rooms most recent first with the other user, last message and unread count', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server(), { first: 'Bob' });
    const cy = await signUp(server(), { first: 'Cy' });
    const bobSocket = await connect(server().url, bob.token);
    const cySocket = await connect(server().url, cy.token);
    await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'from bob' });
    await send(cySocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'from cy 1' });
    await send(cySocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'from cy 2' });
    const list = await call<ChatRoomsResponse>(server(), 'GET', '/chat_rooms', { token: ada.token });
    expect(list.status).toBe(200);
    expect(list.body.chat_rooms.map((r) => r.other_user.first_name)).toEqual(['Cy', 'Bob']);
    expect(list.body.chat_rooms[0]).toMatchObject({
      other_user: { user_id: cy.user.user_id, first_name: 'Cy', last_name: 'User', online: true },
      last_message: { user_id: cy.user.user_id, message: 'from cy 2' },
      unread_count: 2,
    });
    await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'bob again' });
    const after = await call<ChatRoomsResponse>(server(), 'GET', '/chat_rooms', { token: ada.token });
    expect(after.body.chat_rooms.map((r) => r.other_user.first_name)).toEqual(['Bob', 'Cy']);
  });

  it('GET /chat_rooms/{id} answers the room with its messages oldest first', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const first = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'first' });
    await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'second' });
    const roomId = (first as { message: RoomChatMessage }).message.chat_room_id;
    const room = await call<ChatRoomResponse>(server(), 'GET', `/chat_rooms/${roomId}`, { token: bob.token });
    expect(room.status).toBe(200);
    expect(room.body).toMatchObject({
      chat_room_id: roomId,
      other_user: { user_id: ada.user.user_id, online: true },
      has_more: false,
    });
    expect(room.body.messages.map(textOf)).toEqual(['first', 'second']);
  });

  it('someone else’s room answers 404', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const eve = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'private' });
    const roomId = (ack as { message: RoomChatMessage }).message.chat_room_id;
    const peek = await call(server(), 'GET', `/chat_rooms/${roomId}`, { token: eve.token });
    expect(peek.status).toBe(404);
    expect(peek.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('a room id that is not a positive integer answers 400, one beyond any answers 404', async () => {
    const ada = await signUp(server());
    for (const bad of ['abc', '0', '-1', '1.5']) {
      const reply = await call(server(), 'GET', `/chat_rooms/${bad}`, { token: ada.token });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ error: { code: 'invalid_input', fields: { id: expect.any(String) } } });
    }
    const far = await call(server(), 'GET', '/chat_rooms/99999999999999999999999', { token: ada.token });
    expect(far.status).toBe(404);
    const big = await call(server(), 'GET', '/chat_rooms/9007199254740993', { token: ada.token });
    expect(big.status).toBe(404);
  });

  it('a retry with the same client_id returns the first message and stores nothing new', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const clientId = randomUUID();
    const payload = { chat_type: 'room', other_user_id: bob.user.user_id, message: 'once', client_id: clientId };
    const echo = nextEvent(socket, 'message');
    const first = await send(socket, payload);
    expect(first).toMatchObject({ ok: true, message: { client_id: clientId } });
    expect(await echo).toMatchObject({ client_id: clientId });
    const retry = await send(socket, payload);
    expect(retry).toEqual(first);
    const roomId = (first as { message: RoomChatMessage }).message.chat_room_id;
    const room = await call<ChatRoomResponse>(server(), 'GET', `/chat_rooms/${roomId}`, { token: ada.token });
    expect(room.body.messages).toHaveLength(1);
    const rooms = await call<ChatRoomsResponse>(server(), 'GET', '/chat_rooms', { token: bob.token });
    expect(rooms.body.chat_rooms[0]?.unread_count).toBe(1);
  });

  it('a retry whose client_id was stored for another user opens no room with the new user', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const cleo = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const clientId = randomUUID();
    const first = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'once', client_id: clientId });
    const retry = await send(socket, { chat_type: 'room', other_user_id: cleo.user.user_id, message: 'once', client_id: clientId });
    expect(retry).toEqual(first);
    const rooms = await call<ChatRoomsResponse>(server(), 'GET', '/chat_rooms', { token: cleo.token });
    expect(rooms.body.chat_rooms).toEqual([]);
  });

  it('a client_id is scoped to its sender', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const a = await connect(server().url, ada.token);
    const b = await connect(server().url, bob.token);
    const clientId = randomUUID();
    const fromAda = await send(a, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'a', client_id: clientId });
    const fromBob = await send(b, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'b', client_id: clientId });
    expect(fromBob).toMatchObject({ ok: true, message: { message: 'b', user_id: bob.user.user_id } });
    expect((fromBob as { message: RoomChatMessage }).message.id).not.toBe((fromAda as { message: RoomChatMessage }).message.id);
  });

  it('4,000 emoji are a valid message and 4,001 are not', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const ok = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: '😀'.repeat(4000) });
    expect(ok).toMatchObject({ ok: true, message: { message: '😀'.repeat(4000) } });
    const tooLong = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: '😀'.repeat(4001) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { message: expect.any(String) } } });
  });

  it('text with NUL or a lone surrogate is refused with invalid_input', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const socket = await connect(server().url, ada.token);
    for (const message of ['a\u0000b', 'x\ud800y', '\udc00']) {
      const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message });
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('a message of white space only is refused, and text is stored exactly as sent', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const blank = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: ' \n\t ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const exact = '  spaced\n  out  ';
    const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: exact });
    const roomId = (ack as { message: RoomChatMessage }).message.chat_room_id;
    const room = await call<ChatRoomResponse>(server(), 'GET', `/chat_rooms/${roomId}`, { token: bob.token });
    expect(textOf(room.body.messages[0]!)).toBe(exact);
  });

  it('a payload that is not a message answers invalid_input', async () => {
    const ada = await signUp(server());
    const socket = await connect(server().url, ada.token);
    for (const payload of [null, 'text', { chat_type: 'video', message: 'x' }, { chat_type: 'room', message: 'x' }]) {
      expect(await send(socket, payload)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('a send without an acknowledgement callback is stored and does not crash the server', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const bobSocket = await connect(server().url, bob.token);
    const arrived = nextEvent(bobSocket, 'message');
    socket.emit('message', { chat_type: 'room', other_user_id: bob.user.user_id, message: 'no ack' });
    socket.emit('message', { chat_type: 'nonsense' });
    expect(await arrived).toMatchObject({ message: 'no ack' });
    expect(await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'still here' })).toMatchObject({
      ok: true,
    });
  });
});
