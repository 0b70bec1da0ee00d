import { randomBytes, randomUUID } from 'node:crypto';
import type {
  BotHistoryResponse,
  ChatGroup,
  ChatGroupResponse,
  ChatRoomResponse,
  NotificationsResponse,
  SendAck,
} from '@parley/shared';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { markPresent, releaseStalePresence } from '../src/groups/group-read-marks.queries.js';
import { call, signUp, type SignedUp } from './support/http.js';
import { textOf } from './support/history.js';
import { useServer } from './support/server.js';
import { collect, connect, leaveGroup, nextEvent, send, sleep, type ClientSocket } from './support/sockets.js';

const server = useServer();

interface Sent {
  /** Acks in the order they arrived, by the index of the send they answer. */
  order: number[];
  /** Acks by the index of the send. */
  acks: SendAck[];
}

/** Emits every payload at once (nothing awaited in between) and waits for all the acks. */
async function emitAll(socket: ClientSocket, payloads: unknown[]): Promise<Sent> {
  const order: number[] = [];
  const acks = await Promise.all(
    payloads.map(async (payload, i) => {
      const ack = (await socket.timeout(15_000).emitWithAck('message', payload)) as SendAck;
      order.push(i);
      return ack;
    }),
  );
  return { order, acks };
}

function idsOf(sent: Sent): number[] {
  return sent.acks.map((ack) => {
    if (!ack.ok) throw new Error(`a send was refused: ${ack.error.code} ${ack.error.message}`);
    return ack.message.id;
  });
}

const rising = (ids: number[]) => ids.every((id, i) => i === 0 || id > ids[i - 1]!);
const indices = (n: number) => Array.from({ length: n }, (_, i) => i);

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Every message of a conversation, oldest first, read page by page backwards. */
async function history<T extends { messages: { id: number }[]; has_more: boolean }>(
  token: string,
  path: string,
): Promise<T['messages']> {
  const all: T['messages'] = [];
  let bound = '';
  for (;;) {
    const page = await call<T>(server(), 'GET', `${path}${bound}`, { token });
    all.unshift(...page.body.messages);
    if (!page.body.has_more || page.body.messages.length === 0) return all;
    bound = `?until=${page.body.messages[0]!.id}`;
  }
}

async function createGroup(owner: SignedUp): Promise<ChatGroup> {
  const name = `Order ${randomBytes(4).toString('hex')}`;
  return (await call<ChatGroup>(server(), 'POST', '/chat_groups', { token: owner.token, body: { chat_group_name: name } })).body;
}

async function unreadOf(user: SignedUp, groupId: number): Promise<number> {
  const reply = await call<NotificationsResponse>(server(), 'GET', '/notifications', { token: user.token });
  const entry = reply.body.notifications.find((n) => 'chat_group_id' in n && n.chat_group_id === groupId);
  return entry?.unread_count ?? 0;
}

describe('the Order rule: one socket’s sends stay in emission order', () => {
  for (const count of [50, 200]) {
    it(`${count} room sends emitted at once are acked, stored and delivered in order`, async () => {
      const ada = await signUp(server());
      const bob = await signUp(server());
      const sender = await connect(server().url, ada.token);
      const receiver = await connect(server().url, bob.token);
      const texts = indices(count).map((i) => `room ${i}`);
      const seen = collect(receiver, 'message');
      const sent = await emitAll(
        sender,
        texts.map((message) => ({ chat_type: 'room', other_user_id: bob.user.user_id, message, client_id: randomUUID() })),
      );
      expect(sent.order).toEqual(indices(count));
      const ids = idsOf(sent);
      expect(rising(ids)).toBe(true);
      await until(() => seen.length === count, 'every message at the receiver');
      expect(seen.map((event) => event.chat_type === 'room' && event.message)).toEqual(texts);
      const roomId = (sent.acks[0] as { message: { chat_room_id: number } }).message.chat_room_id;
      const stored = await history<ChatRoomResponse>(ada.token, `/chat_rooms/${roomId}`);
      expect(stored.map((m) => [m.id, textOf(m)])).toEqual(ids.map((id, i) => [id, texts[i]]));
      const rooms = await call<NotificationsResponse>(server(), 'GET', '/notifications', { token: bob.token });
      expect(rooms.body.total_unread).toBe(count);
    });
  }

  it('group sends emitted at once are acked, stored and delivered in order', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const group = await createGroup(ada);
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: bob.token });
    const sender = await connect(server().url, ada.token);
    const receiver = await connect(server().url, bob.token);
    const seen = collect(receiver, 'message');
    const notes = collect(receiver, 'notification');
    const texts = indices(200).map((i) => `group ${i}`);
    const sent = await emitAll(
      sender,
      texts.map((message) => ({ chat_type: 'group', chat_group_id: group.chat_group_id, message })),
    );
    expect(sent.order).toEqual(indices(200));
    const ids = idsOf(sent);
    expect(rising(ids)).toBe(true);
    await until(() => seen.length === 200 && notes.length === 200, 'every message and notification at the receiver');
    expect(seen.map((event) => event.chat_type === 'group' && event.message)).toEqual(texts);
    expect(notes.map((note) => note.unread_count)).toEqual(indices(200).map((i) => i + 1));
    const stored = await history<ChatGroupResponse>(ada.token, `/chat_groups/${group.chat_group_id}`);
    expect(stored.map((m) => m.id)).toEqual(ids);
  });

  it('bot sends emitted at once are acked, stored and answered in order', async () => {
    const ada = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const seen = collect(socket, 'message');
    const texts = indices(50).map((i) => `bot ${i}`);
    const sent = await emitAll(
      socket,
      texts.map((message) => ({ chat_type: 'bot', message })),
    );
    expect(sent.order).toEqual(indices(50));
    const ids = idsOf(sent);
    expect(rising(ids)).toBe(true);
    await until(() => seen.length === 50, 'every bot answer');
    expect(seen.map((event) => (event.chat_type === 'bot' ? event.messages.map((m) => m.message) : []))).toEqual(
      texts.map((text) => [text, `echo: ${text}`]),
    );
    // Questions and answers are stored as each is ready: each kind in the order asked.
    const stored = await history<BotHistoryResponse>(ada.token, '/chat_bot');
    expect(stored.filter((m) => m.is_user).map((m) => m.id)).toEqual(ids);
    expect(stored.filter((m) => !m.is_user).map((m) => m.message)).toEqual(texts.map((text) => `echo: ${text}`));
  });

  it('two sockets of one user sending at once each keep their own order', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const first = await connect(server().url, ada.token);
    const second = await connect(server().url, ada.token);
    const receiver = await connect(server().url, bob.token);
    const seen = collect(receiver, 'message');
    const payloads = (label: string) =>
      indices(50).map((i) => ({ chat_type: 'room', other_user_id: bob.user.user_id, message: `${label} ${i}` }));
    const [a, b] = await Promise.all([emitAll(first, payloads('a')), emitAll(second, payloads('b'))]);
    for (const sent of [a, b]) {
      expect(sent.order).toEqual(indices(50));
      expect(rising(idsOf(sent))).toBe(true);
    }
    await until(() => seen.length === 100, 'every message at the receiver');
    const texts = seen.map((event) => (event.chat_type === 'room' ? event.message : ''));
    expect(texts.filter((text) => text.startsWith('a '))).toEqual(indices(50).map((i) => `a ${i}`));
    expect(texts.filter((text) => text.startsWith('b '))).toEqual(indices(50).map((i) => `b ${i}`));
  });

  it('a client_id repeated inside one batch stores one row and every copy answers it', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const receiver = await connect(server().url, bob.token);
    // The room exists and is known, so the copies below reach the queue together.
    await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'first' });
    const seen = collect(receiver, 'message');
    const clientId = randomUUID();
    const copy = { chat_type: 'room', other_user_id: bob.user.user_id, message: 'once', client_id: clientId };
    const sent = await emitAll(socket, [{ ...copy, client_id: randomUUID(), message: 'lead' }, copy, copy, copy, copy]);
    const [, ...copies] = sent.acks;
    for (const ack of copies) expect(ack).toEqual(copies[0]);
    expect(copies[0]).toMatchObject({ ok: true, message: { message: 'once', client_id: clientId } });
    await sleep(200);
    expect(seen.filter((event) => event.chat_type === 'room' && event.message === 'once')).toHaveLength(1);
    const roomId = (copies[0] as { message: { chat_room_id: number } }).message.chat_room_id;
    const stored = await history<ChatRoomResponse>(ada.token, `/chat_rooms/${roomId}`);
    expect(stored.map(textOf)).toEqual(['first', 'lead', 'once']);
  });

  it('a batch whose transaction fails answers every send in it with an error and stores none of it', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const receiver = await connect(server().url, bob.token);
    const warmed = nextEvent(receiver, 'message');
    const warm = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'warm' });
    const roomId = (warm as { message: { chat_room_id: number } }).message.chat_room_id;
    await warmed;
    await server().db.rows(sql`
      create or replace function refuse_boom() returns trigger language plpgsql as $$
      begin
        if new.body = 'boom' then raise exception 'refused by the test'; end if;
        return new;
      end $$`);
    await server().db.rows(sql`create trigger refuse_boom before insert on messages for each row execute function refuse_boom()`);
    try {
      const seen = collect(receiver, 'message');
      const texts = indices(30).map((i) => (i === 15 ? 'boom' : `m ${i}`));
      const sent = await emitAll(
        socket,
        texts.map((message) => ({ chat_type: 'room', other_user_id: bob.user.user_id, message })),
      );
      expect(sent.order).toEqual(indices(30));
      const failed = indices(30).filter((i) => !sent.acks[i]!.ok);
      expect(failed).toContain(15);
      // The failed sends are one batch: a run of neighbours around the poisoned one.
      expect(failed.length).toBeGreaterThan(1);
      expect(failed).toEqual(indices(failed.length).map((i) => failed[0]! + i));
      for (const i of failed) expect(sent.acks[i]).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      const delivered = indices(30).filter((i) => sent.acks[i]!.ok);
      await until(() => seen.length === delivered.length, 'the stored messages at the receiver');
      await sleep(100);
      expect(seen.map((event) => event.chat_type === 'room' && event.message)).toEqual(delivered.map((i) => texts[i]));
      const room = await call<ChatRoomResponse>(server(), 'GET', `/chat_rooms/${roomId}`, { token: ada.token });
      expect(room.body.messages.map(textOf)).toEqual(['warm', ...delivered.map((i) => texts[i])]);
    } finally {
      await server().db.rows(sql`drop trigger refuse_boom on messages`);
    }
  });
});

describe('group unread counts', () => {
  it('stay exact for present and absent members, through leaving, mark read and more sends', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const cy = await signUp(server());
    const dan = await signUp(server());
    const group = await createGroup(ada);
    const id = group.chat_group_id;
    for (const member of [bob, cy, dan]) await call(server(), 'GET', `/chat_groups/${id}`, { token: member.token });
    const adaSocket = await connect(server().url, ada.token);
    const bobSocket = await connect(server().url, bob.token);
    const danSocket = await connect(server().url, dan.token);
    // Bob has the group open; Cy is offline; Dan is online elsewhere in the app.
    await call(server(), 'GET', `/chat_groups/${id}`, { token: bob.token });
    const bobNotes = collect(bobSocket, 'notification');
    const danNotes = collect(danSocket, 'notification');
    const sendMany = (n: number, label: string) =>
      emitAll(adaSocket, indices(n).map((i) => ({ chat_type: 'group', chat_group_id: id, message: `${label} ${i}` })));

    await sendMany(30, 'first');
    await until(() => danNotes.length === 30, 'Dan’s notifications');
    expect(danNotes.map((note) => note.unread_count)).toEqual(indices(30).map((i) => i + 1));
    expect(bobNotes).toHaveLength(0);
    expect([await unreadOf(ada, id), await unreadOf(bob, id), await unreadOf(cy, id), await unreadOf(dan, id)]).toEqual([
      0, 0, 30, 30,
    ]);

    // Bob leaves the group: what follows is unread for him, what came while he looked is not.
    expect(await leaveGroup(bobSocket, id)).toEqual({ ok: true });
    await sendMany(5, 'second');
    await until(() => bobNotes.length === 5, 'Bob’s notifications');
    expect(bobNotes.map((note) => note.unread_count)).toEqual([1, 2, 3, 4, 5]);
    expect(await unreadOf(bob, id)).toBe(5);
    expect(await unreadOf(cy, id)).toBe(35);

    // Cy reads the group; Dan opens it; Bob opens it again, then closes his only socket.
    await call(server(), 'PUT', '/notifications', { token: cy.token, body: { chat_group_id: id } });
    await call(server(), 'GET', `/chat_groups/${id}`, { token: dan.token });
    await call(server(), 'GET', `/chat_groups/${id}`, { token: bob.token });
    await sendMany(3, 'third');
    expect([await unreadOf(bob, id), await unreadOf(cy, id), await unreadOf(dan, id)]).toEqual([5, 3, 35]);
    bobSocket.disconnect();
    await sleep(300);
    await sendMany(2, 'fourth');
    expect([await unreadOf(ada, id), await unreadOf(bob, id), await unreadOf(cy, id), await unreadOf(dan, id)]).toEqual([
      0, 7, 5, 35,
    ]);
    await call(server(), 'PUT', '/notifications', { token: dan.token, body: { chat_group_id: id } });
    expect(await unreadOf(dan, id)).toBe(0);
  });

  it('a group message writes no row of the other members, however many there are', async () => {
    const ada = await signUp(server());
    const group = await createGroup(ada);
    const others = await Promise.all(indices(6).map(() => signUp(server())));
    for (const member of others) await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: member.token });
    const versions = () =>
      server().db.rows<{ user_id: unknown; xmin: unknown }>(sql`
        select user_id, xmin::text as xmin from group_members
        where group_id = ${group.chat_group_id}::bigint and user_id <> ${ada.user.user_id}::bigint order by user_id`);
    const before = await versions();
    const socket = await connect(server().url, ada.token);
    await emitAll(socket, indices(10).map((i) => ({ chat_type: 'group', chat_group_id: group.chat_group_id, message: `m ${i}` })));
    expect(await versions()).toEqual(before);
    for (const member of others) expect(await unreadOf(member, group.chat_group_id)).toBe(10);
  });

  it('presence left behind by a previous run is released at start', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const group = await createGroup(ada);
    const id = group.chat_group_id;
    await call(server(), 'GET', `/chat_groups/${id}`, { token: bob.token });
    // Bob was present on a server that stopped without telling the database.
    await markPresent(server().db, id, bob.user.user_id);
    const socket = await connect(server().url, ada.token);
    await emitAll(socket, indices(3).map((i) => ({ chat_type: 'group', chat_group_id: id, message: `while present ${i}` })));
    expect(await unreadOf(bob, id)).toBe(0);
    await releaseStalePresence(server().db);
    await emitAll(socket, indices(2).map((i) => ({ chat_type: 'group', chat_group_id: id, message: `after ${i}` })));
    expect(await unreadOf(bob, id)).toBe(2);
  });
});
