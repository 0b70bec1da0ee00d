import type { BotHistoryResponse, ChatGroup, ChatGroupResponse, ChatRoomResponse, RoomChatMessage } from '@parley/shared';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, signUp, type SignedUp } from './support/http.js';
import { textOf } from './support/history.js';
import { useServer } from './support/server.js';
import { connect, send } from './support/sockets.js';

const server = useServer();

let ada: SignedUp;
let roomId: number;
let ids: number[];

/** A room of 250 messages: one sent over the socket, the rest stored directly to save time. */
beforeAll(async () => {
  ada = await signUp(server());
  const bob = await signUp(server());
  const socket = await connect(server().url, ada.token);
  const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'm1' });
  socket.disconnect();
  roomId = (ack as { message: RoomChatMessage }).message.chat_room_id;
  await server().db.rows(sql`
    insert into messages (room_id, sender_id, body, created_at)
    select ${roomId}::bigint, ${ada.user.user_id}::bigint, 'm' || g, now()
    from generate_series(2, 250) g`);
  const rows = await server().db.rows<{ id: unknown }>(
    sql`select id from messages where room_id = ${roomId}::bigint order by id`,
  );
  ids = rows.map((row) => Number(row.id));
});

async function page(query: string) {
  return call<ChatRoomResponse>(server(), 'GET', `/chat_rooms/${roomId}${query}`, { token: ada.token });
}

describe('history paging', () => {
  it('without until: the 100 most recent, oldest first, and has_more', async () => {
    const reply = await page('');
    expect(reply.body.messages.map(textOf)).toEqual(ids.slice(150).map((_, i) => `m${151 + i}`));
    expect(reply.body.has_more).toBe(true);
  });

  it('with until: the 100 just older than that message', async () => {
    const reply = await page(`?until=${ids[150]}`);
    expect(reply.body.messages.map((m) => m.id)).toEqual(ids.slice(50, 150));
    expect(reply.body.has_more).toBe(true);
  });

  it('the oldest page says has_more false', async () => {
    const reply = await page(`?until=${ids[50]}`);
    expect(reply.body.messages.map((m) => m.id)).toEqual(ids.slice(0, 50));
    expect(reply.body.has_more).toBe(false);
  });

  it('with after: up to 100 newer, oldest first, and whether more newer exist', async () => {
    const first = await page(`?after=${ids[9]}`);
    expect(first.body.messages.map((m) => m.id)).toEqual(ids.slice(10, 110));
    expect(first.body.has_more).toBe(true);
    const last = await page(`?after=${ids[200]}`);
    expect(last.body.messages.map((m) => m.id)).toEqual(ids.slice(201));
    expect(last.body.has_more).toBe(false);
  });

  it('until beyond any id pages from the newest, after beyond any id is empty', async () => {
    const until = await page('?until=99999999999999999999');
    expect(until.body.messages.map((m) => m.id)).toEqual(ids.slice(150));
    const after = await page('?after=99999999999999999999');
    expect(after.body).toMatchObject({ messages: [], has_more: false });
  });

  it('until or after that is not a positive integer answers 400 invalid_input', async () => {
    for (const query of ['?until=abc', '?until=0', '?until=-5', '?after=1.5', '?until=1&until=2']) {
      const reply = await page(query);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ error: { code: 'invalid_input' } });
    }
  });

  it('until and after together answer 400', async () => {
    expect((await page(`?until=${ids[100]}&after=${ids[10]}`)).status).toBe(400);
  });

  it('group history pages the same way', async () => {
    const group = (
      await call<ChatGroup>(server(), 'POST', '/chat_groups', { token: ada.token, body: { chat_group_name: 'Paging group' } })
    ).body;
    await server().db.rows(sql`
      insert into messages (group_id, sender_id, body, created_at)
      select ${group.chat_group_id}::bigint, ${ada.user.user_id}::bigint, 'g' || g, now()
      from generate_series(1, 120) g`);
    const latest = await call<ChatGroupResponse>(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: ada.token });
    expect(latest.body.messages).toHaveLength(100);
    expect(textOf(latest.body.messages[0]!)).toBe('g21');
    expect(latest.body.has_more).toBe(true);
    const older = await call<ChatGroupResponse>(
      server(),
      'GET',
      `/chat_groups/${group.chat_group_id}?until=${latest.body.messages[0]!.id}`,
      { token: ada.token },
    );
    expect(older.body.messages.map(textOf)).toEqual(Array.from({ length: 20 }, (_, i) => `g${i + 1}`));
    expect(older.body.has_more).toBe(false);
  });

  it('bot history pages the same way', async () => {
    await server().db.rows(sql`
      insert into bot_messages (user_id, is_user, body, created_at)
      select ${ada.user.user_id}::bigint, g % 2 = 1, 'b' || g, now()
      from generate_series(1, 150) g`);
    const latest = await call<BotHistoryResponse>(server(), 'GET', '/chat_bot', { token: ada.token });
    expect(latest.body.messages).toHaveLength(100);
    expect(latest.body.messages[0]).toMatchObject({ message: 'b51', is_user: true });
    expect(latest.body.has_more).toBe(true);
    const older = await call<BotHistoryResponse>(server(), 'GET', `/chat-bot?until=${latest.body.messages[0]!.id}`, {
      token: ada.token,
    });
    expect(older.body.messages).toHaveLength(50);
    expect(older.body.has_more).toBe(false);
  });

});
