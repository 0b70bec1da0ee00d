import { sql } from 'drizzle-orm';
import { toId, type Database } from '../db/client.js';
import { boolLiteral, intLiteral, timestampLiteral } from '../db/literals.js';
import type { PageRequest } from '../messages/history.js';
import type { MessageRow } from '../messages/message-shapes.js';
import { changeCursorOf, inGroup, messagesOfJson, pageJson } from '../messages/messages.queries.js';
import type { GroupRow } from './groups.queries.js';

export interface GroupEntry {
  group: GroupRow;
  /** The caller was not a member before this entry. */
  joined: boolean;
  messages: MessageRow[];
  changeCursor: number;
}

/**
 * Opening a group in one statement, with every value in its text (one round trip): the group,
 * the caller made a member if they were not (their read mark starting at the group's count, so
 * what came before is not unread), marked present when `present`, and one page of messages.
 * Null when the group does not exist. Entries were four statements (seven round trips) and the
 * database link was most of a group entry's CPU in a profile of 2,000 entries.
 */
export async function enterWithPage(
  db: Database,
  groupId: number,
  userId: number,
  now: Date,
  present: boolean,
  page: PageRequest,
): Promise<GroupEntry | null> {
  const group = intLiteral(groupId);
  const user = intLiteral(userId);
  const presentNow = boolLiteral(present);
  const [row] = await db.rows<Record<string, unknown>>(sql`
    with g as (select id, name, author_id, message_count from chat_groups where id = ${group}),
    m as (
      insert into group_members (group_id, user_id, read_count, joined_at, present_from)
      select g.id, ${user}, g.message_count, ${timestampLiteral(now)}, case when ${presentNow} then g.message_count end from g
      on conflict (group_id, user_id) do update set present_from = excluded.present_from
        where ${presentNow} and group_members.present_from is null
      returning (xmax = 0) as inserted)
    select g.id, g.name, g.author_id, coalesce((select bool_or(inserted) from m), false) as joined,
      ${pageJson(inGroup(groupId), page)} as page, ${changeCursorOf(inGroup(groupId))} as change_cursor
    from g`);
  if (!row) return null;
  return {
    group: { id: toId(row.id), name: String(row.name), authorId: toId(row.author_id) },
    joined: row.joined === true,
    messages: messagesOfJson(row.page),
    changeCursor: toId(row.change_cursor ?? 0),
  };
}
