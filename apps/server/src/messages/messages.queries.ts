import { and, asc, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import { toId, type Database } from '../db/client.js';
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
};

/** One page of a room's or a group's messages, read through the (conversation, id) index. */
export async function messagePage(db: Database, conversation: SQL, page: PageRequest) {
  const bound = page.bound ? (page.bound.op === 'lt' ? lt(messages.id, page.bound.id) : gt(messages.id, page.bound.id)) : undefined;
  return db.orm
    .select(messageColumns)
    .from(messages)
    .where(and(conversation, bound))
    .orderBy(page.order === 'desc' ? desc(messages.id) : asc(messages.id))
    .limit(page.limit);
}

export function inRoom(roomId: number): SQL {
  return eq(messages.roomId, roomId);
}

export function inGroup(groupId: number): SQL {
  return eq(messages.groupId, groupId);
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
    select m.id, m.room_id, m.group_id, m.sender_id, m.body, m.client_id, m.created_at
    from json_to_recordset(${wanted}::json) as k(sender_id bigint, client_id uuid)
    join messages m on m.sender_id = k.sender_id and m.client_id = k.client_id`);
  return rows.map((row) => ({
    ...messageRowOf(row),
    roomId: row.room_id === null ? null : toId(row.room_id),
    groupId: row.group_id === null ? null : toId(row.group_id),
  }));
}
