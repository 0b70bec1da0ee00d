import { and, asc, desc, eq, gt, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { messages } from '../db/schema/index.js';
import type { PageRequest } from './history.js';

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
