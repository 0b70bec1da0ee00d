import type { RoomChatMessage } from '@parley/shared';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageRequest } from '../src/messages/history.js';
import { inRoom, pageQuery } from '../src/messages/messages.queries.js';
import { signUp } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, send } from './support/sockets.js';

/*
 * A room that holds most of the table, behind many newer messages of a group: the primary key
 * walked from the newest id would read past every one of those before the page's first row.
 * Every page kind must walk the room's own (room_id, id) index instead.
 */
const server = useServer();

let roomId: number;
let middle: number;

beforeAll(async () => {
  const ada = await signUp(server());
  const bob = await signUp(server());
  const socket = await connect(server().url, ada.token);
  const ack = await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'first' });
  socket.disconnect();
  roomId = (ack as { message: RoomChatMessage }).message.chat_room_id;
  const [group] = await server().db.rows<{ id: unknown }>(sql`
    insert into chat_groups (name, author_id, created_at) values ('chatter', ${ada.user.user_id}::bigint, now()) returning id`);
  await server().db.rows(sql`
    insert into messages (room_id, sender_id, body, created_at)
    select ${roomId}::bigint, ${ada.user.user_id}::bigint, 'room ' || g, now() from generate_series(1, 20000) g`);
  await server().db.rows(sql`
    insert into messages (group_id, sender_id, body, created_at)
    select ${Number(group!.id)}::bigint, ${ada.user.user_id}::bigint, 'group ' || g, now() from generate_series(1, 5000) g`);
  await server().db.rows(sql`analyze messages`);
  const [row] = await server().db.rows<{ id: unknown }>(
    sql`select id from messages where room_id = ${roomId}::bigint order by id offset 10000 limit 1`,
  );
  middle = Number(row!.id);
});

const pages: [string, () => PageRequest][] = [
  ['latest', () => ({ bound: null, order: 'desc', limit: 101 })],
  ['until', () => ({ bound: { op: 'lt', id: middle }, order: 'desc', limit: 101 })],
  ['after', () => ({ bound: { op: 'gt', id: middle }, order: 'asc', limit: 101 })],
  ['around', () => ({ bound: { op: 'around', id: middle, before: 51, after: 52 }, order: 'asc', limit: 103 })],
];

describe('the plan of a history page', () => {
  it.each(pages)('%s walks the room index, not the primary key', async (_kind, request) => {
    const plan = await server().db.rows<Record<string, unknown>>(sql`explain ${pageQuery(inRoom(roomId), request())}`);
    const text = plan.map((row) => String(Object.values(row)[0])).join('\n');
    expect(text).toMatch(/messages_room_id_id_idx/);
    expect(text).not.toMatch(/messages_pkey/);
  });
});
