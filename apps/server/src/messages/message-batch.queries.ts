import { sql } from 'drizzle-orm';
import type { Attachment } from '@parley/shared';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { textLiteral } from '../db/literals.js';
import { jsonColumn } from './json-column.js';

/** One room or group message on its way into the table. */
export interface MessageInsert {
  roomId: number | null;
  groupId: number | null;
  senderId: number;
  body: string;
  clientId: string | null;
  createdAt: Date;
  attachments?: Attachment[];
}

const idList = z.array(z.number().int());
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
  /** The id of every message stored, by its position in the batch; null where it was skipped. */
  ids: (number | null)[];
  /** Rooms written to, with both unread counters after the batch. */
  rooms: z.infer<typeof roomCounters>;
  /** Groups written to, with their message counter after the batch. */
  groups: z.infer<typeof groupCounters>;
  /** Read marks, before the batch, of the members of those groups who do not have them open. */
  absent: z.infer<typeof readMarks>;
}

/*
 * The room and group parts join the statement only when the batch has such messages: planning
 * is most of a small batch's cost, and an unused part would be planned all the same.
 */
const roomPart = sql`, room_bumps as (
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
    )`;
const groupPart = sql`, group_bumps as (
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
    )`;
/** Each stored message's files now belong to it (the sender's checks ran before the batch). */
const filesPart = sql`, file_binds as (
      update files f set message_id = s.id, position = a.ord, attached_at = s.created_at
      from stored s cross join lateral jsonb_array_elements(s.attachments) with ordinality as a(item, ord)
      where s.attachments is not null and f.id = a.item->>'file_id' and f.message_id is null
    )`;
const roomColumn = sql`, (select json_agg(b) from room_bumps b) as rooms`;
const groupColumns = sql`,
      (select json_agg(g) from group_bumps g) as groups,
      (select json_agg(a) from (
        select gm.group_id, gm.user_id, gm.read_count from group_members gm
        where gm.present_from is null and gm.group_id in (select group_id from stored where group_id is not null)
      ) a) as absent`;

function distinctIds(ids: (number | null)[]): number[] {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))].sort((a, b) => a - b);
  // Our own ids, inlined as numbers: never text from a request.
  for (const id of unique) if (!Number.isSafeInteger(id)) throw new Error(`not an id: ${id}`);
  return unique;
}

/**
 * Locks the batch's conversations, rooms then groups, each in id order (so two batches never
 * wait on each other in a circle), before any id is drawn. With several server nodes, batches
 * into one conversation then draw their ids in the order they commit: a client that has seen id
 * n has seen every earlier message of that conversation committed before it, and catches up
 * with `after=n` without a gap. (On one node the ordered link already runs batches one by one.)
 */
function conversationLocks(roomIds: number[], groupIds: number[]) {
  const lockAll = (table: 'chat_rooms' | 'chat_groups', ids: number[]) =>
    ids.length === 0
      ? sql`select 0::bigint as id where false`
      : sql.raw(`select id from ${table} where id in (${ids.join(', ')}) order by id for update`);
  return sql`locked_rooms as materialized (${lockAll('chat_rooms', roomIds)}),
    locked_groups as materialized (${lockAll('chat_groups', groupIds)}),
    locked as (select id from locked_rooms union all select id from locked_groups)`;
}

/**
 * Stores a batch of room and group messages in one statement, so in one transaction: ids are
 * drawn in batch order before the insert (a row skipped for its `client_id` leaves a gap, as a
 * failed nextval would), the receivers' room counters and the groups' message counters go up
 * once per conversation, and each group sender's own messages count as read by them. The cost
 * per message does not depend on the size of a group: the members' read marks are only read.
 * Batches sent one after another run in that order (`rowsInOrder`), so their ids rise in it.
 */
export async function insertMessageBatch(db: Database, batch: MessageInsert[]): Promise<BatchResult> {
  const input = JSON.stringify(
    batch.map((m) => ({
      room_id: m.roomId,
      group_id: m.groupId,
      sender_id: m.senderId,
      body: m.body,
      client_id: m.clientId,
      created_at: m.createdAt.toISOString(),
      attachments: m.attachments && m.attachments.length > 0 ? m.attachments : undefined,
    })),
  );
  const roomIds = distinctIds(batch.map((m) => m.roomId));
  const groupIds = distinctIds(batch.map((m) => m.groupId));
  const rooms = roomIds.length > 0;
  const groups = groupIds.length > 0;
  const withFiles = batch.some((m) => (m.attachments?.length ?? 0) > 0);
  // No parameters, so the batch goes out at once on the ordered link, behind the one before it.
  const [row] = await db.rowsInOrder<Record<string, unknown>>(sql`
    with ${conversationLocks(roomIds, groupIds)}, input as materialized (
      select nextval('messages_id_seq'::regclass) as id, t.ord,
        (t.item->>'room_id')::bigint as room_id, (t.item->>'group_id')::bigint as group_id,
        (t.item->>'sender_id')::bigint as sender_id, t.item->>'body' as body,
        (t.item->>'client_id')::uuid as client_id, (t.item->>'created_at')::timestamptz as created_at,
        (t.item->'attachments')::jsonb as attachments
      from json_array_elements(${textLiteral(input)}::json) with ordinality as t(item, ord)
      -- A one-time filter: the locks are taken before the first id is drawn.
      where (select count(*) from locked) >= 0
    ), stored as (
      insert into messages (id, room_id, group_id, sender_id, body, client_id, created_at, attachments)
      select id, room_id, group_id, sender_id, body, client_id, created_at, attachments from input order by ord
      on conflict (sender_id, client_id) do nothing
      returning id, room_id, group_id, sender_id, created_at, attachments
    )${rooms ? roomPart : sql``}${groups ? groupPart : sql``}${withFiles ? filesPart : sql``}
    select (select json_agg(id order by ord) from input) as drawn, (select json_agg(id) from stored) as stored
      ${rooms ? roomColumn : sql``}${groups ? groupColumns : sql``}`);
  if (!row) throw new Error('the batch insert returned no row');
  const stored = new Set(jsonColumn(idList, row.stored));
  return {
    ids: jsonColumn(idList, row.drawn).map((id) => (stored.has(id) ? id : null)),
    rooms: jsonColumn(roomCounters, row.rooms),
    groups: jsonColumn(groupCounters, row.groups),
    absent: jsonColumn(readMarks, row.absent),
  };
}
