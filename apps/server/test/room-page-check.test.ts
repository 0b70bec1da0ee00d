import type { ChatRoomResponse, RoomChatMessage } from '@parley/shared';
import { limits } from '@parley/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, signUp, type SignedUp } from './support/http.js';
import { textOf } from './support/history.js';
import { useServer } from './support/server.js';
import { connect, send } from './support/sockets.js';

/*
 * A room page checks the token and the room in the same statement as the page; a page that needs
 * no rows (an `after` beyond any id) checks them alone. Both ways must answer a stranger with
 * not_found, and anyone not signed in with unauthorized, before anything else.
 */
const server = useServer();

let ada: SignedUp;
let bob: SignedUp;
let eve: SignedUp;
let roomId: number;

beforeAll(async () => {
  ada = await signUp(server(), { first: 'Ada' });
  bob = await signUp(server(), { first: 'Bob' });
  eve = await signUp(server());
  const socket = await connect(server().url, ada.token);
  const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'hello' });
  socket.disconnect();
  roomId = (ack as { message: RoomChatMessage }).message.chat_room_id;
});

const pages = ['', '?until=99999999999999999999', '?after=99999999999999999999'];

describe('the room check of a history page', () => {
  it.each(pages)('a member reads the room with the other person (%s)', async (query) => {
    const reply = await call<ChatRoomResponse>(server(), 'GET', `/chat_rooms/${roomId}${query}`, { token: bob.token });
    expect(reply.status).toBe(200);
    expect(reply.body.chat_room_id).toBe(roomId);
    expect(reply.body.other_user).toMatchObject({ user_id: ada.user.user_id, first_name: 'Ada' });
    const expected = query === '?after=99999999999999999999' ? [] : ['hello'];
    expect(reply.body.messages.map(textOf)).toEqual(expected);
    expect(reply.body.has_more).toBe(false);
  });

  it.each(pages)('a stranger gets not_found (%s)', async (query) => {
    const reply = await call(server(), 'GET', `/chat_rooms/${roomId}${query}`, { token: eve.token });
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('an empty room of the caller answers an empty page', async () => {
    const socket = await connect(server().url, eve.token);
    const ack = await send(socket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'hi' });
    socket.disconnect();
    const room = (ack as { message: RoomChatMessage }).message;
    const reply = await call<ChatRoomResponse>(server(), 'GET', `/chat_rooms/${room.chat_room_id}?until=${room.id}`, {
      token: ada.token,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ messages: [], has_more: false, other_user: { user_id: eve.user.user_id } });
  });
});

describe('the token check of a history page', () => {
  const everyPage = [...pages, '?around=1', '?changed_after=0'];

  it.each(everyPage)('no token, an unknown one or a logged-out one answers unauthorized (%s)', async (query) => {
    const gone = await signUp(server());
    expect((await call(server(), 'GET', '/logout', { token: gone.token })).status).toBe(200);
    for (const token of [undefined, 'not-a-token', gone.token]) {
      const reply = await call(server(), 'GET', `/chat_rooms/${roomId}${query}`, token ? { token } : {});
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('bad input is refused as unauthorized without a live token, as invalid_input with one', async () => {
    for (const path of [`/chat_rooms/${roomId}?until=soon`, '/chat_rooms/room-one', `/chat_rooms/${roomId}?until=1&after=2`]) {
      expect((await call(server(), 'GET', path, { token: 'not-a-token' })).status).toBe(401);
      const signedIn = await call(server(), 'GET', path, { token: bob.token });
      expect(signedIn.status).toBe(400);
      expect(signedIn.body).toMatchObject({ error: { code: 'invalid_input' } });
    }
  });

  it('a session idle past its lifetime is refused and gone, one in use slides forward', async () => {
    const idle = await signUp(server());
    const used = await signUp(server());
    const step = limits.sessionIdleTtlMs - 24 * 3600_000;
    let moved = 0;
    const move = (ms: number) => {
      server().clock.advance(ms);
      moved += ms;
    };
    try {
      move(step);
      // `used` reads a page of a room it is not in: not_found, but its token is live and slides.
      expect((await call(server(), 'GET', `/chat_rooms/${roomId}`, { token: used.token })).status).toBe(404);
      move(step);
      expect((await call(server(), 'GET', `/chat_rooms/${roomId}`, { token: idle.token })).status).toBe(401);
      expect((await call(server(), 'GET', `/chat_rooms/${roomId}`, { token: used.token })).status).toBe(404);
      // The page's check deleted the expired session: turning the clock back does not revive it.
      move(-moved);
      expect((await call(server(), 'GET', '/users', { token: idle.token })).status).toBe(401);
      expect((await call(server(), 'GET', '/users', { token: used.token })).status).toBe(200);
    } finally {
      server().clock.advance(-moved);
    }
  });
});
