import type { BotHistoryResponse, ChatGroup, ChatGroupResponse, ChatRoomResponse, RoomChatMessage } from '@parley/shared';
import { chatGroupResponseSchema, chatRoomResponseSchema } from '@parley/shared';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, signUp, type SignedUp } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, send } from './support/sockets.js';

const server = useServer();

let ada: SignedUp;
let eve: SignedUp;
let roomId: number;
let groupId: number;
let ids: number[];
let groupIds: number[];

/** A room of 250 messages and a group of 30: one sent over the socket each, the rest stored directly. */
beforeAll(async () => {
  ada = await signUp(server());
  const bob = await signUp(server());
  eve = await signUp(server());
  const socket = await connect(server().url, ada.token);
  const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'm1' });
  roomId = (ack as { message: RoomChatMessage }).message.chat_room_id;
  await server().db.rows(sql`
    insert into messages (room_id, sender_id, body, created_at)
    select ${roomId}::bigint, ${ada.user.user_id}::bigint, 'm' || g, now()
    from generate_series(2, 250) g`);
  const group = await call<ChatGroup>(server(), 'POST', '/chat_groups', { token: ada.token, body: { chat_group_name: `Around ${Date.now()}` } });
  groupId = group.body.chat_group_id;
  await call(server(), 'GET', `/chat_groups/${groupId}`, { token: ada.token });
  await send(socket, { chat_type: 'group', chat_group_id: groupId, message: 'g1' });
  socket.disconnect();
  await server().db.rows(sql`
    insert into messages (group_id, sender_id, body, created_at)
    select ${groupId}::bigint, ${ada.user.user_id}::bigint, 'g' || g, now()
    from generate_series(2, 30) g`);
  const idsOf = async (column: 'room_id' | 'group_id', id: number) =>
    (await server().db.rows<{ id: unknown }>(sql`select id from messages where ${sql.raw(column)} = ${id}::bigint order by id`)).map((row) =>
      Number(row.id),
    );
  ids = await idsOf('room_id', roomId);
  groupIds = await idsOf('group_id', groupId);
});

async function roomPage(query: string, token = ada.token) {
  return call<ChatRoomResponse>(server(), 'GET', `/chat_rooms/${roomId}${query}`, { token });
}

describe('a history page around a message', () => {
  it('holds the message, the 50 before and the 50 after, oldest first, with has_more both ways', async () => {
    const reply = await roomPage(`?around=${ids[120]}`);
    expect(reply.status).toBe(200);
    const page = chatRoomResponseSchema.parse(reply.body);
    expect(page.messages.map((m) => m.id)).toEqual(ids.slice(70, 171));
    expect(page.has_more).toBe(true);
    expect(page.has_more_after).toBe(true);
  });

  it('near either end says which way nothing remains', async () => {
    const first = await roomPage(`?around=${ids[10]}`);
    expect(first.body.messages.map((m) => m.id)).toEqual(ids.slice(0, 61));
    expect([first.body.has_more, first.body.has_more_after]).toEqual([false, true]);
    const last = await roomPage(`?around=${ids[240]}`);
    expect(last.body.messages.map((m) => m.id)).toEqual(ids.slice(190));
    expect([last.body.has_more, last.body.has_more_after]).toEqual([true, false]);
    // Exactly 50 on a side is all there is that way.
    const edge = await roomPage(`?around=${ids[50]}`);
    expect(edge.body.messages[0]?.id).toBe(ids[0]);
    expect(edge.body.has_more).toBe(false);
  });

  it('works in groups and the bot chat too', async () => {
    const reply = await call<ChatGroupResponse>(server(), 'GET', `/chat_groups/${groupId}?around=${groupIds[5]}`, { token: ada.token });
    const page = chatGroupResponseSchema.parse(reply.body);
    expect(page.messages.map((m) => m.id)).toEqual(groupIds);
    expect([page.has_more, page.has_more_after]).toEqual([false, false]);
    const bot = await call<BotHistoryResponse>(server(), 'GET', '/chat_bot?around=1', { token: ada.token });
    expect(bot.status).toBe(200);
    expect(bot.body).toEqual({ messages: [], has_more: false, has_more_after: false });
  });

  it('pages without around say nothing of has_more_after', async () => {
    const reply = await roomPage('');
    expect(reply.body).not.toHaveProperty('has_more_after');
  });

  it('refuses around with until or after, and a bad id', async () => {
    for (const query of [`?around=${ids[5]}&until=${ids[9]}`, `?around=${ids[5]}&after=${ids[1]}`, '?around=0', '?around=abc', '?around=-4']) {
      const reply = await roomPage(query);
      expect(reply.status, query).toBe(400);
      expect((reply.body as unknown as { error: { code: string; fields: object } }).error, query).toMatchObject({ code: 'invalid_input' });
      expect(Object.keys((reply.body as unknown as { error: { fields: object } }).error.fields), query).toHaveLength(1);
    }
  });

  it('an id beyond any that exists is the newest page; another pair’s room stays 404', async () => {
    const beyond = await roomPage('?around=99999999999999999999');
    expect(beyond.body.messages.map((m) => m.id)).toEqual(ids.slice(150));
    expect((await roomPage(`?around=${ids[120]}`, eve.token)).status).toBe(404);
  });
});
