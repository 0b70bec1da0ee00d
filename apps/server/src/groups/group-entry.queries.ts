import { sql } from 'drizzle-orm';
import { toId, type Database } from '../db/client.js';
import { boolLiteral, intLiteral, timestampLiteral } from '../db/literals.js';
import type { PageRequest } from '../messages/history.js';
import type { MessageRow } from '../messages/message-shapes.js';
import { changeCursorOf, inGroupColumn, messagesOfJson, pageJson } from '../messages/messages.queries.js';
import type { GroupRow } from './groups.queries.js';

export interface GroupEntry {
  group: GroupRow;
  /** The caller was not a member before this entry. */
  joined: boolean;
  messages: MessageRow[];
  changeCursor: number;
}

export interface EntryRequest {
  groupId: number;
  userId: number;
  now: Date;
  /** Mark the member present (they have a connected socket and were not present). */
  present: boolean;
  page: PageRequest;
}

/** The entries of one statement share their page's shape and hold each (group, user) once. */
export function entryStatementKey(request: EntryRequest): string {
  return JSON.stringify(request.page);
}

/**
 * Opening groups in one statement, with every value in its text (one round trip): for each
 * request, the group, the caller made a member if they were not (their read mark starting at
 * the group's count, so what came before is not unread), marked present when `present`, and one
 * page of messages. An entry is null when its group does not exist. Entries were four statements
 * (seven round trips) and the database link was most of a group entry's CPU in a profile of
 * 2,000 entries; the entries arriving together now share one statement (`group-entry-batches.ts`),
 * which on PGlite, where statements run one at a time, is what an entry costs.
 *
 * Every request must have the same `entryStatementKey`, and no (group, user) may come twice (an
 * upsert cannot touch one row twice in a statement).
 */
export async function enterWithPages(db: Database, requests: readonly EntryRequest[]): Promise<(GroupEntry | null)[]> {
  if (requests.length === 0) return [];
  const page = requests[0]!.page;
  const values = sql.join(
    requests.map(
      (r, i) => sql`(${intLiteral(i)}, ${intLiteral(r.groupId)}::bigint, ${intLiteral(r.userId)}::bigint, ${boolLiteral(r.present)}, ${timestampLiteral(r.now)})`,
    ),
    sql`, `,
  );
  const inThisGroup = inGroupColumn(sql`g.id`);
  const rows = await db.rows<Record<string, unknown>>(sql`
    with r(i, group_id, user_id, present, at) as (values ${values}),
    g as (select r.i, r.user_id, r.present, r.at, c.id, c.name, c.author_id, c.message_count
      from r join chat_groups c on c.id = r.group_id),
    m as (
      insert into group_members (group_id, user_id, read_count, joined_at, present_from)
      select g.id, g.user_id, g.message_count, g.at, case when g.present then g.message_count end from g
      on conflict (group_id, user_id) do update set present_from = excluded.present_from
        where excluded.present_from is not null and group_members.present_from is null
      returning group_id, user_id, (xmax = 0) as inserted)
    select g.i, g.id, g.name, g.author_id,
      coalesce((select bool_or(m.inserted) from m where m.group_id = g.id and m.user_id = g.user_id), false) as joined,
      ${pageJson(inThisGroup, page)} as page, ${changeCursorOf(inThisGroup)} as change_cursor
    from g`);
  const entries: (GroupEntry | null)[] = requests.map(() => null);
  for (const row of rows) {
    entries[Number(row.i)] = {
      group: { id: toId(row.id), name: String(row.name), authorId: toId(row.author_id) },
      joined: row.joined === true,
      messages: messagesOfJson(row.page),
      changeCursor: toId(row.change_cursor ?? 0),
    };
  }
  return entries;
}

/** One entry alone. */
export async function enterWithPage(
  db: Database,
  groupId: number,
  userId: number,
  now: Date,
  present: boolean,
  page: PageRequest,
): Promise<GroupEntry | null> {
  const [entry] = await enterWithPages(db, [{ groupId, userId, now, present, page }]);
  return entry ?? null;
}
