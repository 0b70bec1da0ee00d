import { sql } from 'drizzle-orm';
import { toId, type Database } from '../db/client.js';
import { messageRowOf, type MessageRow } from '../messages/message-shapes.js';

export interface RoomRow {
  id: number;
  userLow: number;
  userHigh: number;
}

/** The pair in storage order: the smaller id first. */
export function pairOf(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}

/**
 * The room of two users, created on first use. Nothing when the other user does not exist.
 * Rooms never change their pair, so a process may cache the answer.
 */
export async function findOrCreateRoom(db: Database, me: number, other: number, now: Date): Promise<number | null> {
  const [low, high] = pairOf(me, other);
  // DO UPDATE (a no-op) rather than DO NOTHING: it returns the row even when a concurrent first
  // message created it, which a separate SELECT in the same snapshot would not see.
  const rows = await db.rows<{ id: unknown }>(sql`
    insert into chat_rooms (user_low, user_high, created_at)
    select ${low}::bigint, ${high}::bigint, ${now.toISOString()}::timestamptz
    where exists (select 1 from users where id = ${other}::bigint)
    on conflict (user_low, user_high) do update set user_low = excluded.user_low
    returning id`);
  return rows[0] ? toId(rows[0].id) : null;
}

export interface RoomListRow {
  roomId: number;
  other: { id: number; firstName: string; lastName: string };
  unread: number;
  last: MessageRow | null;
}

/** The caller's rooms, most recent activity first, each with its newest message. */
export async function listRooms(db: Database, userId: number): Promise<RoomListRow[]> {
  const rows = await db.rows<Record<string, unknown>>(sql`
    select r.id as room_id, o.id as other_id, o.first_name, o.last_name,
      case when r.user_low = ${userId}::bigint then r.unread_low else r.unread_high end as unread,
      m.id as m_id, m.sender_id, m.body, m.client_id, m.created_at, m.edited_at, m.deleted_at, m.attachments
    from chat_rooms r
    join users o on o.id = case when r.user_low = ${userId}::bigint then r.user_high else r.user_low end
    left join messages m on m.id = r.last_message_id
    where r.user_low = ${userId}::bigint or r.user_high = ${userId}::bigint
    order by r.last_message_id desc nulls last, r.id desc`);
  return rows.map((row) => ({
    roomId: toId(row.room_id),
    other: { id: toId(row.other_id), firstName: String(row.first_name), lastName: String(row.last_name) },
    unread: Number(row.unread),
    last: messageOrNull(row),
  }));
}

/** A joined message's columns (`m_id`, `sender_id`, `body`, `client_id`, `created_at`), or null. */
export function messageOrNull(row: Record<string, unknown>): MessageRow | null {
  if (row.m_id === null || row.m_id === undefined) return null;
  return messageRowOf(row, 'm_id');
}

/** A room the caller is in, with the other person; null for anyone else's room. */
export async function findRoomOf(
  db: Database,
  roomId: number,
  userId: number,
): Promise<{ id: number; other: { id: number; firstName: string; lastName: string } } | null> {
  const rows = await db.rows<Record<string, unknown>>(sql`
    select r.id, o.id as other_id, o.first_name, o.last_name
    from chat_rooms r
    join users o on o.id = case when r.user_low = ${userId}::bigint then r.user_high else r.user_low end
    where r.id = ${roomId}::bigint and (r.user_low = ${userId}::bigint or r.user_high = ${userId}::bigint)`);
  const row = rows[0];
  if (!row) return null;
  return {
    id: toId(row.id),
    other: { id: toId(row.other_id), firstName: String(row.first_name), lastName: String(row.last_name) },
  };
}

/** Marks a room read for the caller; false when it is not their room. */
export async function markRoomRead(db: Database, roomId: number, userId: number): Promise<boolean> {
  const rows = await db.rows(sql`
    update chat_rooms set
      unread_low = case when user_low = ${userId}::bigint then 0 else unread_low end,
      unread_high = case when user_high = ${userId}::bigint then 0 else unread_high end
    where id = ${roomId}::bigint and (user_low = ${userId}::bigint or user_high = ${userId}::bigint)
    returning id`);
  return rows.length > 0;
}
