import { randomBytes } from 'node:crypto';
import type {
  ChangeAck,
  ChatGroup,
  ChatGroupResponse,
  ChatRoomResponse,
  ChatRoomsResponse,
  MessageChangedEvent,
  NotificationsResponse,
  RoomChatMessage,
} from '@parley/shared';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { call, signUp, type SignedUp } from './support/http.js';
import { useServer } from './support/server.js';
import { collect, connect, nextEvent, send, sleep, type ClientSocket } from './support/sockets.js';

const server = useServer();

function change(socket: ClientSocket, event: 'edit_message' | 'delete_message' | 'react', payload: unknown): Promise<ChangeAck> {
  return socket.timeout(5_000).emitWithAck(event, payload) as Promise<ChangeAck>;
}

async function roomMessage(from: ClientSocket, to: SignedUp, text: string): Promise<RoomChatMessage> {
  const ack = await send(from, { chat_type: 'room', other_user_id: to.user.user_id, message: text });
  if (!ack.ok) throw new Error(`send refused: ${ack.error.code}`);
  return ack.message as RoomChatMessage;
}

async function pair() {
  const ada = await signUp(server());
  const bob = await signUp(server());
  const adaSocket = await connect(server().url, ada.token);
  const bobSocket = await connect(server().url, bob.token);
  return { ada, bob, adaSocket, bobSocket };
}

async function createGroup(owner: SignedUp): Promise<ChatGroup> {
  const name = `Changes ${randomBytes(4).toString('hex')}`;
  const reply = await call<ChatGroup>(server(), 'POST', '/chat_groups', { token: owner.token, body: { chat_group_name: name } });
  if (reply.status !== 201) throw new Error(`create answered ${reply.status}`);
  return reply.body;
}

const roomHistory = (token: string, roomId: number, query = '') =>
  call<ChatRoomResponse>(server(), 'GET', `/chat_rooms/${roomId}${query}`, { token });

describe('editing a message', () => {
  it('replaces the text for both people of the room, marks it edited, and history shows the new text', async () => {
    const { ada, bob, adaSocket, bobSocket } = await pair();
    const sent = await roomMessage(adaSocket, bob, 'helo');
    const seenByBob = nextEvent(bobSocket, 'message_changed');
    const seenByAda = nextEvent(adaSocket, 'message_changed');
    const ack = await change(adaSocket, 'edit_message', { chat_type: 'room', id: sent.id, message: 'hello' });
    expect(ack).toMatchObject({ ok: true, message: { id: sent.id, user_id: ada.user.user_id, message: 'hello', edited_at: expect.any(String) } });
    const event = await seenByBob;
    expect(event).toEqual({ chat_type: 'room', chat_room_id: sent.chat_room_id, message: ack.ok && ack.message, change_cursor: ack.ok && ack.change_cursor });
    expect(await seenByAda).toEqual(event);
    const page = await roomHistory(bob.token, sent.chat_room_id);
    expect(page.body.messages).toEqual([expect.objectContaining({ id: sent.id, message: 'hello', edited_at: expect.any(String) })]);
    expect(page.body.change_cursor).toBe(ack.ok && ack.change_cursor);
  });

  it('a message never changed keeps exactly the v1 shape in history', async () => {
    const { bob, adaSocket } = await pair();
    const sent = await roomMessage(adaSocket, bob, 'plain');
    const page = await roomHistory(bob.token, sent.chat_room_id);
    expect(Object.keys(page.body.messages[0]!).sort()).toEqual(['id', 'message', 'timestamp', 'user_id']);
    expect(page.body.change_cursor).toBe(0);
  });

  it('someone else’s message is forbidden, and nothing changes', async () => {
    const { ada, bob, adaSocket, bobSocket } = await pair();
    const sent = await roomMessage(adaSocket, bob, 'mine');
    const ack = await change(bobSocket, 'edit_message', { chat_type: 'room', id: sent.id, message: 'yours' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const page = await roomHistory(ada.token, sent.chat_room_id);
    expect(page.body.messages[0]).toMatchObject({ message: 'mine' });
  });

  it('a message the caller cannot see, an unknown id or the wrong chat_type is not_found', async () => {
    const { bob, adaSocket } = await pair();
    const eve = await signUp(server());
    const eveSocket = await connect(server().url, eve.token);
    const sent = await roomMessage(adaSocket, bob, 'private');
    for (const [socket, payload] of [
      [eveSocket, { chat_type: 'room', id: sent.id, message: 'x' }],
      [adaSocket, { chat_type: 'room', id: 9_007_199_254_740_000, message: 'x' }],
      [adaSocket, { chat_type: 'group', id: sent.id, message: 'x' }],
    ] as const) {
      expect(await change(socket, 'edit_message', payload)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(await change(eveSocket, 'delete_message', { chat_type: 'room', id: sent.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await change(eveSocket, 'react', { chat_type: 'room', id: sent.id, emoji: '👍' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('follows the text rules of a new message', async () => {
    const { bob, adaSocket } = await pair();
    const sent = await roomMessage(adaSocket, bob, 'ok');
    for (const message of ['', '\u200B', 'x'.repeat(4001), 'a\u0000b']) {
      const ack = await change(adaSocket, 'edit_message', { chat_type: 'room', id: sent.id, message });
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { message: expect.any(String) } } });
    }
    expect(await change(adaSocket, 'edit_message', { chat_type: 'bot', id: sent.id, message: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { chat_type: expect.any(String) } },
    });
    const emoji = '😀'.repeat(4000);
    expect(await change(adaSocket, 'edit_message', { chat_type: 'room', id: sent.id, message: emoji })).toMatchObject({ ok: true, message: { message: emoji } });
  });

  it('last_message of the room list and of notifications shows the edit', async () => {
    const { ada, bob, adaSocket } = await pair();
    const sent = await roomMessage(adaSocket, bob, 'before');
    await change(adaSocket, 'edit_message', { chat_type: 'room', id: sent.id, message: 'after' });
    const rooms = await call<ChatRoomsResponse>(server(), 'GET', '/chat_rooms', { token: bob.token });
    expect(rooms.body.chat_rooms[0]?.last_message).toMatchObject({ message: 'after', edited_at: expect.any(String) });
    const unread = await call<NotificationsResponse>(server(), 'GET', '/notifications', { token: bob.token });
    expect(unread.body.notifications[0]?.last_message).toMatchObject({ message: 'after', user_id: ada.user.user_id });
  });
});

describe('deleting a message', () => {
  it('leaves {id, user_id, timestamp, deleted} in everyone’s history, and the text is gone from the database', async () => {
    const { ada, bob, adaSocket, bobSocket } = await pair();
    const sent = await roomMessage(adaSocket, bob, 'oops secret');
    const seen = nextEvent(bobSocket, 'message_changed');
    const ack = await change(adaSocket, 'delete_message', { chat_type: 'room', id: sent.id });
    const deleted = { id: sent.id, user_id: ada.user.user_id, timestamp: sent.timestamp, deleted: true };
    expect(ack).toMatchObject({ ok: true, message: deleted });
    expect((await seen).message).toEqual(deleted);
    const page = await roomHistory(bob.token, sent.chat_room_id);
    expect(page.body.messages).toEqual([deleted]);
    const rows = await server().db.rows<{ body: string }>(sql`select body from messages where id = ${sent.id}`);
    expect(rows).toEqual([{ body: '' }]);
    const rooms = await call<ChatRoomsResponse>(server(), 'GET', '/chat_rooms', { token: ada.token });
    expect(rooms.body.chat_rooms[0]?.last_message).toEqual(deleted);
  });

  it('only the author; a deleted message cannot be edited, deleted again or reacted to', async () => {
    const { bob, adaSocket, bobSocket } = await pair();
    const sent = await roomMessage(adaSocket, bob, 'going');
    expect(await change(bobSocket, 'delete_message', { chat_type: 'room', id: sent.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await change(adaSocket, 'delete_message', { chat_type: 'room', id: sent.id })).toMatchObject({ ok: true });
    expect(await change(adaSocket, 'delete_message', { chat_type: 'room', id: sent.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await change(adaSocket, 'edit_message', { chat_type: 'room', id: sent.id, message: 'back' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await change(bobSocket, 'react', { chat_type: 'room', id: sent.id, emoji: '👍' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('changes in a group', () => {
  it('reach exactly the members; a third user who is not a member gets nothing', async () => {
    const { ada, bob, adaSocket, bobSocket } = await pair();
    const eve = await signUp(server());
    const eveSocket = await connect(server().url, eve.token);
    const eveSees = collect(eveSocket, 'message_changed');
    const group = await createGroup(ada);
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: bob.token });
    const ack = await send(adaSocket, { chat_type: 'group', chat_group_id: group.chat_group_id, message: 'team' });
    if (!ack.ok) throw new Error('send refused');
    const bobSees = nextEvent(bobSocket, 'message_changed');
    const edit = await change(adaSocket, 'edit_message', { chat_type: 'group', id: ack.message.id, message: 'team!' });
    expect(edit.ok).toBe(true);
    expect(await bobSees).toMatchObject({ chat_type: 'group', chat_group_id: group.chat_group_id, message: { message: 'team!' } });
    const reaction = await change(bobSocket, 'react', { chat_type: 'group', id: ack.message.id, emoji: '🎉' });
    expect(reaction).toMatchObject({ ok: true, message: { reactions: [{ emoji: '🎉', user_ids: [bob.user.user_id] }] } });
    // A non-member can neither see nor touch it.
    expect(await change(eveSocket, 'react', { chat_type: 'group', id: ack.message.id, emoji: '🎉' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await sleep(200);
    expect(eveSees).toEqual([]);
    const page = await call<ChatGroupResponse>(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: bob.token });
    expect(page.body.messages).toEqual([
      expect.objectContaining({ message: 'team!', edited_at: expect.any(String), reactions: [{ emoji: '🎉', user_ids: [bob.user.user_id] }] }),
    ]);
  });
});

describe('reactions', () => {
  it('toggle: a second react with the same emoji removes it; counts list who reacted in order', async () => {
    const { ada, bob, adaSocket, bobSocket } = await pair();
    const sent = await roomMessage(adaSocket, bob, 'vote');
    const react = (socket: ClientSocket, emoji: string) => change(socket, 'react', { chat_type: 'room', id: sent.id, emoji });
    await react(bobSocket, '👍');
    const both = await react(adaSocket, '👍');
    expect(both).toMatchObject({ ok: true, message: { reactions: [{ emoji: '👍', user_ids: [bob.user.user_id, ada.user.user_id] }] } });
    const seen = nextEvent(adaSocket, 'message_changed', (e: MessageChangedEvent) => e.message.id === sent.id);
    const off = await react(bobSocket, '👍');
    expect(off).toMatchObject({ ok: true, message: { reactions: [{ emoji: '👍', user_ids: [ada.user.user_id] }] } });
    expect((await seen).message).toMatchObject({ reactions: [{ emoji: '👍', user_ids: [ada.user.user_id] }] });
    const last = await react(adaSocket, '👍');
    expect(last.ok && 'reactions' in last.message).toBe(false);
  });

  it('takes one emoji grapheme only', async () => {
    const { bob, adaSocket } = await pair();
    const sent = await roomMessage(adaSocket, bob, 'emoji');
    for (const emoji of ['👍🏽', '❤️', '🇫🇷', '👩‍👩‍👧', '1️⃣']) {
      expect(await change(adaSocket, 'react', { chat_type: 'room', id: sent.id, emoji }), emoji).toMatchObject({ ok: true });
    }
    for (const emoji of ['', 'a', '👍👍', 'ok👍', '\u200D', 'x'.repeat(100), 12]) {
      expect(await change(adaSocket, 'react', { chat_type: 'room', id: sent.id, emoji }), String(emoji)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: { emoji: expect.any(String) } },
      });
    }
  });

  it('bounded: 10 emoji per person per message, 20 different emoji per message', async () => {
    const { bob, adaSocket, bobSocket } = await pair();
    const sent = await roomMessage(adaSocket, bob, 'many');
    const pool = ['😀', '😁', '😂', '🤣', '😃', '😄', '😅', '😆', '😉', '😊', '😋', '😎', '😍', '😘', '🥰', '😗', '😙', '🥲', '😚', '🙂', '🤗', '🤩'];
    const react = (socket: ClientSocket, emoji: string) => change(socket, 'react', { chat_type: 'room', id: sent.id, emoji });
    for (const emoji of pool.slice(0, 10)) expect((await react(adaSocket, emoji)).ok).toBe(true);
    expect(await react(adaSocket, pool[10]!)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    for (const emoji of pool.slice(10, 20)) expect((await react(bobSocket, emoji)).ok).toBe(true);
    // Twenty different emoji now: one more is refused, but joining an existing one is fine.
    expect(await react(bobSocket, pool[20]!)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await react(adaSocket, pool[0]!)).toMatchObject({ ok: true });
    expect(await react(bobSocket, pool[0]!)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('catching up on changes', () => {
  it('changed_after brings the edits, deletions and reactions missed while away, and says where it ended', async () => {
    const { bob, adaSocket, bobSocket } = await pair();
    const kept = await roomMessage(adaSocket, bob, 'kept');
    const edited = await roomMessage(adaSocket, bob, 'edit me');
    const removed = await roomMessage(adaSocket, bob, 'delete me');
    const before = await roomHistory(bob.token, kept.chat_room_id);
    const cursor = before.body.change_cursor!;
    bobSocket.disconnect();
    await change(adaSocket, 'edit_message', { chat_type: 'room', id: edited.id, message: 'edited' });
    await change(adaSocket, 'delete_message', { chat_type: 'room', id: removed.id });
    const last = await change(adaSocket, 'react', { chat_type: 'room', id: kept.id, emoji: '👀' });
    const caught = await roomHistory(bob.token, kept.chat_room_id, `?changed_after=${cursor}`);
    expect(caught.status).toBe(200);
    expect(caught.body.messages.map((m) => m.id)).toEqual([edited.id, removed.id, kept.id]);
    expect(caught.body.messages[0]).toMatchObject({ message: 'edited' });
    expect(caught.body.messages[1]).toMatchObject({ deleted: true });
    expect(caught.body.messages[2]).toMatchObject({ reactions: [{ emoji: '👀' }] });
    expect(caught.body).toMatchObject({ has_more: false, change_cursor: last.ok && last.change_cursor });
    const nothing = await roomHistory(bob.token, kept.chat_room_id, `?changed_after=${caught.body.change_cursor}`);
    expect(nothing.body).toMatchObject({ messages: [], has_more: false, change_cursor: caught.body.change_cursor });
  });

  it('changed_after pages 100 at a time in the order of the changes', async () => {
    const { bob, adaSocket } = await pair();
    const ids: number[] = [];
    for (let i = 0; i < 102; i++) ids.push((await roomMessage(adaSocket, bob, `m${i}`)).id);
    for (const id of [...ids].reverse()) await change(adaSocket, 'edit_message', { chat_type: 'room', id, message: 'x' });
    const first = await call<ChatRoomsResponse>(server(), 'GET', '/chat_rooms', { token: bob.token });
    const room = first.body.chat_rooms[0]!.chat_room_id;
    const page1 = await roomHistory(bob.token, room, '?changed_after=0');
    expect(page1.body.messages).toHaveLength(100);
    expect(page1.body.has_more).toBe(true);
    expect(page1.body.messages[0]!.id).toBe(ids.at(-1));
    const page2 = await roomHistory(bob.token, room, `?changed_after=${page1.body.change_cursor}`);
    expect(page2.body.messages.map((m) => m.id)).toEqual([ids[1], ids[0]]);
    expect(page2.body.has_more).toBe(false);
  });

  it('changed_after with until or after, or not a number, is invalid_input', async () => {
    const { bob, adaSocket } = await pair();
    const sent = await roomMessage(adaSocket, bob, 'q');
    for (const query of ['?changed_after=1&after=1', '?changed_after=1&until=5', '?changed_after=-1', '?changed_after=abc']) {
      const reply = await roomHistory(bob.token, sent.chat_room_id, query);
      expect(reply.status, query).toBe(400);
      expect(reply.body).toMatchObject({ error: { code: 'invalid_input' } });
    }
  });
});

describe('rate limits of changes', () => {
  const limited = useServer({ env: { RATE_LIMITS: 'on' } });

  it('edits are counted like sends', async () => {
    const ada = await signUp(limited());
    const bob = await signUp(limited());
    const socket = await connect(limited().url, ada.token);
    const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'start' });
    if (!ack.ok) throw new Error('send refused');
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => change(socket, 'edit_message', { chat_type: 'room', id: ack.message.id, message: `v${i}` })),
    );
    expect(answers.filter((a) => !a.ok && a.error.code === 'rate_limited').length).toBeGreaterThan(0);
  });
});

describe('typing', () => {
  const typing = (socket: ClientSocket, payload: unknown) =>
    socket.timeout(5_000).emitWithAck('typing', payload) as Promise<{ ok: boolean; error?: { code: string } }>;

  it('in a room reaches the other person only, and is never stored', async () => {
    const { ada, bob, adaSocket, bobSocket } = await pair();
    const sent = await roomMessage(adaSocket, bob, 'hi');
    const adaSees = collect(adaSocket, 'typing');
    const seen = nextEvent(bobSocket, 'typing');
    expect(await typing(adaSocket, { chat_type: 'room', chat_room_id: sent.chat_room_id })).toEqual({ ok: true });
    expect(await seen).toEqual({ chat_type: 'room', chat_room_id: sent.chat_room_id, user_id: ada.user.user_id });
    await sleep(100);
    expect(adaSees).toEqual([]);
  });

  it('in a group reaches only the members who are looking at it', async () => {
    const { ada, bob, adaSocket, bobSocket } = await pair();
    const carol = await signUp(server());
    const carolSocket = await connect(server().url, carol.token);
    const group = await createGroup(ada);
    for (const who of [ada, bob, carol]) await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: who.token });
    // Carol is a member but looks elsewhere.
    await carolSocket.timeout(5_000).emitWithAck('leave_group', { chat_group_id: group.chat_group_id });
    const carolSees = collect(carolSocket, 'typing');
    const adaSees = collect(adaSocket, 'typing');
    const seen = nextEvent(bobSocket, 'typing');
    expect(await typing(adaSocket, { chat_type: 'group', chat_group_id: group.chat_group_id })).toEqual({ ok: true });
    expect(await seen).toEqual({ chat_type: 'group', chat_group_id: group.chat_group_id, user_id: ada.user.user_id });
    await sleep(100);
    expect(carolSees).toEqual([]);
    expect(adaSees).toEqual([]);
    // Not looking at the group: refused.
    expect(await typing(carolSocket, { chat_type: 'group', chat_group_id: group.chat_group_id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('another pair’s room is not_found, a malformed payload invalid_input', async () => {
    const { bob, adaSocket } = await pair();
    const eve = await signUp(server());
    const eveSocket = await connect(server().url, eve.token);
    const sent = await roomMessage(adaSocket, bob, 'hi');
    expect(await typing(eveSocket, { chat_type: 'room', chat_room_id: sent.chat_room_id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await typing(eveSocket, { chat_type: 'bot' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await typing(eveSocket, { chat_type: 'room' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  describe('with rate limits on', () => {
    const limited = useServer({ env: { RATE_LIMITS: 'on' } });

    it('is rate-limited per user', async () => {
      const ada = await signUp(limited());
      const bob = await signUp(limited());
      const socket = await connect(limited().url, ada.token);
      const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'start' });
      if (!ack.ok) throw new Error('send refused');
      const roomId = (ack.message as RoomChatMessage).chat_room_id;
      const answers = await Promise.all(Array.from({ length: 15 }, () => typing(socket, { chat_type: 'room', chat_room_id: roomId })));
      expect(answers.filter((a) => a.error?.code === 'rate_limited').length).toBeGreaterThan(0);
    });
  });
});
