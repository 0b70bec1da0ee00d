import { sql } from 'drizzle-orm';
import { toId, type Database } from '../db/client.js';
import { memberUnread } from '../groups/group-read-marks.queries.js';
import type { MessageRow } from '../messages/message-shapes.js';
import { messageOrNull } from '../rooms/rooms.queries.js';

export interface UnreadEntry {
  kind: 'room' | 'group';
  id: number;
  unread: number;
  last: MessageRow | null;
}

/** Every conversation of the user with unread messages, the most recently active first. */
export async function unreadEntries(db: Database, userId: number): Promise<UnreadEntry[]> {
  const rows = await db.rows<Record<string, unknown>>(sql`
    select 'room' as kind, r.id as conversation_id,
      case when r.user_low = ${userId}::bigint then r.unread_low else r.unread_high end as unread,
      m.id as m_id, m.sender_id, m.body, m.client_id, m.created_at, m.edited_at, m.deleted_at, m.attachments
    from chat_rooms r
    left join messages m on m.id = r.last_message_id
    where (r.user_low = ${userId}::bigint and r.unread_low > 0) or (r.user_high = ${userId}::bigint and r.unread_high > 0)
    union all
    select 'group', gm.group_id, ${memberUnread}, m.id, m.sender_id, m.body, m.client_id, m.created_at, m.edited_at, m.deleted_at, m.attachments
    from group_members gm
    join chat_groups g on g.id = gm.group_id
    left join lateral (
      select * from messages where group_id = gm.group_id order by id desc limit 1
    ) m on true
    where gm.user_id = ${userId}::bigint and ${memberUnread} > 0
    order by m_id desc nulls last`);
  return rows.map((row) => ({
    kind: row.kind === 'group' ? 'group' : 'room',
    id: toId(row.conversation_id),
    unread: Number(row.unread),
    last: messageOrNull(row),
  }));
}
