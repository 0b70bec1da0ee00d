import { and, eq, sql, type SQL } from 'drizzle-orm';
import { toId, type Database } from '../db/client.js';
import { intLiteral } from '../db/literals.js';
import { messages } from '../db/schema/index.js';
import type { PageRequest } from './history.js';
import { messageRowOf, type MessageRow } from './message-shapes.js';

const messageColumns = {
  id: messages.id,
  roomId: messages.roomId,
  groupId: messages.groupId,
  senderId: messages.senderId,
  body: messages.body,
  clientId: messages.clientId,
  createdAt: messages.createdAt,
  attachments: messages.attachments,
};

/** A room's or a group's messages: the column that names the conversation, and its id (a literal or a column). */
export interface Conversation {
  column: 'room_id' | 'group_id';
  id: SQL;
}

export function inRoom(roomId: number): Conversation {
  return { column: 'room_id', id: intLiteral(roomId) };
}

export function inGroupColumn(column: SQL): Conversation {
  return { column: 'group_id', id: column };
}

function isIn(conversation: Conversation): SQL {
  return sql`${sql.raw(conversation.column)} = ${conversation.id}`;
}

/**
 * One page of a room's or a group's messages, read through the (conversation, id) index. Every
 * value is an integer written into the text (`intLiteral`): one round trip, planned for them.
 *
 * The conversation is asked for as a range of one (`between x and x`) and the page ordered by
 * (conversation, id), which only that index gives. With `= x … order by id`, the primary key gives
 * the order too, and for a conversation holding much of the table PostgreSQL walks it from the
 * newest id, reading past every newer message of every other conversation: 6.5 ms instead of
 * 0.3 for a 1M-message room behind 100,000 newer group messages.
 */
export function pageQuery(conversation: Conversation, page: PageRequest): SQL {
  const column = sql.raw(conversation.column);
  const inIt = sql`${column} between ${conversation.id} and ${conversation.id}`;
  const columns = sql`select id, sender_id, body, client_id, created_at, edited_at, deleted_at, change_seq, attachments,
      ${reactionsColumn} as reactions
    from messages`;
  if (page.bound?.op === 'around') {
    // Two walks of the same index from the message outwards, one each way.
    const at = intLiteral(page.bound.id);
    return sql`
      (${columns} where ${inIt} and id < ${at} order by ${column} desc, id desc limit ${intLiteral(page.bound.before)})
      union all
      (${columns} where ${inIt} and id >= ${at} order by ${column} asc, id asc limit ${intLiteral(page.bound.after)})`;
  }
  if (page.bound?.op === 'changed') {
    // Through the (conversation, change_seq) index: only changed messages are in it.
    return sql`
      ${columns}
      where ${isIn(conversation)} and change_seq > ${intLiteral(page.bound.id)}
      order by change_seq ${sql.raw(page.order)}
      limit ${intLiteral(page.limit)}`;
  }
  const bound = page.bound ? sql` and id ${sql.raw(page.bound.op === 'lt' ? '<' : '>')} ${intLiteral(page.bound.id)}` : sql``;
  const order = sql.raw(page.order);
  return sql`
    ${columns}
    where ${inIt}${bound}
    order by ${column} ${order}, id ${order}
    limit ${intLiteral(page.limit)}`;
}

/**
 * A message's reactions as `[{emoji, user_ids}]`, emoji in the order first used, people in the
 * order they reacted. Only a message that ever changed can have any: the others skip the lookup.
 */
export const reactionsColumn = sql`case when change_seq is null then null else (
  select json_agg(json_build_object('emoji', e.emoji, 'user_ids', e.user_ids) order by e.first_at, e.emoji)
  from (
    select emoji, json_agg(user_id order by created_at, user_id) as user_ids, min(created_at) as first_at
    from message_reactions where message_id = messages.id group by emoji
  ) e) end`;

/** The highest change cursor among a conversation's messages; 0 when none ever changed. */
export function changeCursorOf(conversation: Conversation): SQL {
  return sql`(select coalesce(max(change_seq), 0) from messages where ${isIn(conversation)} and change_seq is not null)`;
}

/**
 * The page as one JSON array in one column: the drivers decode one field instead of five per
 * message (on PGlite each field is a copy and a decode in JavaScript), and `JSON.parse` is native.
 */
export function pageJson(conversation: Conversation, page: PageRequest): SQL {
  const key = sql.raw(page.bound?.op === 'changed' ? 'change_seq' : 'id');
  return sql`(select coalesce(json_agg(p order by p.${key} ${sql.raw(page.order)}), '[]'::json)
    from (${pageQuery(conversation, page)}) p)`;
}

/** A `pageJson` column as the drivers return it (postgres.js and PGlite parse json; text is parsed here). */
export function messagesOfJson(value: unknown): MessageRow[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) throw new TypeError('a page column is not a JSON array');
  return parsed.map((row: Record<string, unknown>) => messageRowOf(row));
}

/** The message a sender already stored under a `client_id`: what a retry gets back. */
export async function findByClientId(db: Database, senderId: number, clientId: string) {
  const [row] = await db.orm
    .select(messageColumns)
    .from(messages)
    .where(and(eq(messages.senderId, senderId), eq(messages.clientId, clientId)))
    .limit(1);
  return row ?? null;
}

export interface EarlierMessage extends MessageRow {
  roomId: number | null;
  groupId: number | null;
}

/** The messages senders already stored under these `client_id`s: what their retries get back. */
export async function findByClientIds(db: Database, keys: { senderId: number; clientId: string }[]): Promise<EarlierMessage[]> {
  if (keys.length === 0) return [];
  const wanted = JSON.stringify(keys.map((key) => ({ sender_id: key.senderId, client_id: key.clientId })));
  const rows = await db.rows<Record<string, unknown>>(sql`
    select m.id, m.room_id, m.group_id, m.sender_id, m.body, m.client_id, m.created_at, m.attachments
    from json_to_recordset(${wanted}::json) as k(sender_id bigint, client_id uuid)
    join messages m on m.sender_id = k.sender_id and m.client_id = k.client_id`);
  return rows.map((row) => ({
    ...messageRowOf(row),
    roomId: row.room_id === null ? null : toId(row.room_id),
    groupId: row.group_id === null ? null : toId(row.group_id),
  }));
}
