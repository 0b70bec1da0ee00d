import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { jsonColumn } from './json-column.js';

/** One room or group message on its way into the table. */
export interface MessageInsert {
  roomId: number | null;
  groupId: number | null;
  /** A room message's receiver, whose unread counter it bumps. */
  receiverId: number | null;
  senderId: number;
  body: string;
  clientId: string | null;
  createdAt: Date;
}

const ids = z.array(z.tuple([z.number().int(), z.number().int()]));
const existingRows = z.array(
  z.object({
    ord: z.number().int(),
    id: z.number().int(),
    room_id: z.number().int().nullable(),
    group_id: z.number().int().nullable(),
    sender_id: z.number().int(),
    body: z.string(),
    client_id: z.string().nullable(),
    created_at: z.string(),
  }),
);
const roomCounters = z.array(
  z.object({
    id: z.number().int(),
    user_low: z.number().int(),
    user_high: z.number().int(),
    unread_low: z.number().int(),
    unread_high: z.number().int(),
  }),
);
const groupCounters = z.array(z.object({ id: z.number().int(), message_count: z.number().int() }));
const readMarks = z.array(z.object({ group_id: z.number().int(), user_id: z.number().int(), read_count: z.number().int() }));

export interface BatchResult {
  /** `[position in the batch (1-based), id]` of every message stored. */
  stored: z.infer<typeof ids>;
  /** For a position whose `client_id` its sender had used before: the message stored then. */
  existing: z.infer<typeof existingRows>;
  /** Rooms written to, with both unread counters after the batch. */
  rooms: z.infer<typeof roomCounters>;
  /** Groups written to, with their message counter after the batch. */
  groups: z.infer<typeof groupCounters>;
  /** Read marks, before the batch, of the members of those groups who do not have them open. */
  absent: z.infer<typeof readMarks>;
}

/**
 * Stores a batch of room and group messages in one statement, so in one transaction: ids are
 * drawn in batch order before the insert (a row skipped for its `client_id` leaves a gap, as a
 * failed nextval would), the receivers' room counters and the groups' message counters go up
 * once per conversation, and each group sender's own messages count as read by them. The cost
 * per message does not depend on the size of a group: the members' read marks are only read.
 */
export async function insertMessageBatch(db: Database, batch: MessageInsert[]): Promise<BatchResult> {
  const input = JSON.stringify(
    batch.map((m) => ({
      room_id: m.roomId,
      group_id: m.groupId,
      receiver_id: m.receiverId,
      sender_id: m.senderId,
      body: m.body,
      client_id: m.clientId,
      created_at: m.createdAt.toISOString(),
    })),
  );
  const [row] = await db.rows<Record<string, unknown>>(sql`
    with input as materialized (
      select nextval(pg_get_serial_sequence('messages', 'id')) as id, t.ord,
        (t.item->>'room_id')::bigint as room_id, (t.item->>'group_id')::bigint as group_id,
        (t.item->>'receiver_id')::bigint as receiver_id, (t.item->>'sender_id')::bigint as sender_id,
        t.item->>'body' as body, (t.item->>'client_id')::uuid as client_id,
        (t.item->>'created_at')::timestamptz as created_at
      from json_array_elements(${input}::json) with ordinality as t(item, ord)
    ), stored as (
      insert into messages (id, room_id, group_id, sender_id, body, client_id, created_at)
      select id, room_id, group_id, sender_id, body, client_id, created_at from input order by ord
      on conflict (sender_id, client_id) do nothing
      returning id, room_id, group_id, sender_id
    ), room_bumps as (
      update chat_rooms r set
        unread_low = r.unread_low + c.to_low,
        unread_high = r.unread_high + c.to_high,
        last_message_id = greatest(r.last_message_id, c.last_id)
      from (
        select s.room_id, max(s.id) as last_id,
          count(*) filter (where s.sender_id = cr.user_high) as to_low,
          count(*) filter (where s.sender_id = cr.user_low) as to_high
        from stored s join chat_rooms cr on cr.id = s.room_id
        group by s.room_id
      ) c
      where r.id = c.room_id
      returning r.id, r.user_low, r.user_high, r.unread_low, r.unread_high
    ), group_bumps as (
      update chat_groups g set message_count = g.message_count + c.n
      from (select group_id, count(*) as n from stored where group_id is not null group by group_id) c
      where g.id = c.group_id
      returning g.id, g.message_count
    ), own_reads as (
      update group_members gm set read_count = gm.read_count + c.n
      from (
        select group_id, sender_id, count(*) as n from stored where group_id is not null group by group_id, sender_id
      ) c
      where gm.group_id = c.group_id and gm.user_id = c.sender_id and gm.present_from is null
      returning gm.user_id
    ), existing as (
      select i.ord, m.id, m.room_id, m.group_id, m.sender_id, m.body, m.client_id, m.created_at
      from input i
      join messages m on m.sender_id = i.sender_id and m.client_id = i.client_id
      where not exists (select 1 from stored s where s.id = i.id)
    )
    select
      (select json_agg(json_build_array(i.ord, i.id)) from input i join stored s on s.id = i.id) as stored,
      (select json_agg(e) from existing e) as existing,
      (select json_agg(b) from room_bumps b) as rooms,
      (select json_agg(g) from group_bumps g) as groups,
      (select json_agg(a) from (
        select gm.group_id, gm.user_id, gm.read_count from group_members gm
        where gm.present_from is null and gm.group_id in (select group_id from stored where group_id is not null)
      ) a) as absent,
      (select count(*) from own_reads) as own_reads`);
  if (!row) throw new Error('the batch insert returned no row');
  return {
    stored: jsonColumn(ids, row.stored),
    existing: jsonColumn(existingRows, row.existing),
    rooms: jsonColumn(roomCounters, row.rooms),
    groups: jsonColumn(groupCounters, row.groups),
    absent: jsonColumn(readMarks, row.absent),
  };
}
