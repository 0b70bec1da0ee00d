import { searchLimits } from '@parley/shared';
import { sql, type SQL } from 'drizzle-orm';
import { toDate, toId, type Database } from '../db/client.js';
import { intLiteral } from '../db/literals.js';
import { likePattern, runSearch } from '../bot/message-search.js';

export interface FoundMessage {
  id: number;
  roomId: number | null;
  groupId: number | null;
  senderId: number;
  senderFirstName: string;
  senderLastName: string;
  body: string;
  clientId: string | null;
  createdAt: Date;
  /** The room's other person, for a room message. */
  other: { id: number; firstName: string; lastName: string } | null;
  groupName: string | null;
}

export interface FoundBotMessage {
  id: number;
  isUser: boolean;
  body: string;
  clientId: string | null;
  createdAt: Date;
}

/**
 * One word's condition on a text column. A word of three or more code points matches anywhere
 * (`ILIKE`, served by the trigram index); a shorter one has no trigram to look up, so it matches
 * the start of a word through the `simple` full-text index (`ab:*`). Words hold letters, marks
 * and digits only (`searchWords`), so the tsquery text has no operator in it.
 */
function wordCondition(column: SQL, word: string): SQL {
  if (Array.from(word).length >= searchLimits.infixMinCodePoints) {
    return sql`${column} ilike ${likePattern(word)}::text escape '\\'`;
  }
  return sql`to_tsvector('simple', ${column}) @@ to_tsquery('simple', ${`${word}:*`}::text)`;
}

function allWords(column: SQL, words: string[]): SQL {
  return sql.join(
    words.map((word) => wordCondition(column, word)),
    sql` and `,
  );
}

function toFound(row: Record<string, unknown>): FoundMessage {
  return {
    id: toId(row.id),
    roomId: row.room_id === null ? null : toId(row.room_id),
    groupId: row.group_id === null ? null : toId(row.group_id),
    senderId: toId(row.sender_id),
    senderFirstName: String(row.sender_first_name),
    senderLastName: String(row.sender_last_name),
    body: String(row.body),
    clientId: row.client_id === null ? null : String(row.client_id),
    createdAt: toDate(row.created_at),
    other:
      row.other_id === null
        ? null
        : { id: toId(row.other_id), firstName: String(row.other_first_name), lastName: String(row.other_last_name) },
    groupName: row.group_name === null ? null : String(row.group_name),
  };
}

/**
 * The newest room and group messages below `before` that hold every word, in the rooms the user
 * is one of the two people of and the groups they are a member of: nobody else's. Names are
 * joined as they are now, so a renamed person or group shows the new name.
 */
export async function searchConversations(
  db: Database,
  userId: number,
  words: string[],
  before: number | null,
  limit: number,
): Promise<FoundMessage[]> {
  const user = intLiteral(userId);
  const bound = before === null ? sql`` : sql` and m.id < ${intLiteral(before)}`;
  const rows = await runSearch(
    db,
    sql`
    select f.id, f.room_id, f.group_id, f.sender_id, f.body, f.client_id, f.created_at,
      s.first_name as sender_first_name, s.last_name as sender_last_name,
      o.id as other_id, o.first_name as other_first_name, o.last_name as other_last_name,
      g.name as group_name
    from (
      select m.id, m.room_id, m.group_id, m.sender_id, m.body, m.client_id, m.created_at
      from messages m
      where (
          m.room_id in (select id from chat_rooms where user_low = ${user} union all select id from chat_rooms where user_high = ${user})
          or m.group_id in (select group_id from group_members where user_id = ${user})
        )
        and ${allWords(sql`m.body`, words)}${bound}
      order by m.id desc
      limit ${intLiteral(limit)}
    ) f
    join users s on s.id = f.sender_id
    left join chat_rooms r on r.id = f.room_id
    left join users o on o.id = case when r.user_low = ${user} then r.user_high else r.user_low end
    left join chat_groups g on g.id = f.group_id
    order by f.id desc`,
  );
  return rows.map(toFound);
}

/** The newest turns of the user's own bot chat below `before` that hold every word. */
export async function searchBotChat(
  db: Database,
  userId: number,
  words: string[],
  before: number | null,
  limit: number,
): Promise<FoundBotMessage[]> {
  const bound = before === null ? sql`` : sql` and b.id < ${intLiteral(before)}`;
  const rows = await runSearch(
    db,
    sql`
    select b.id, b.is_user, b.body, b.client_id, b.created_at from bot_messages b
    where b.user_id = ${intLiteral(userId)} and ${allWords(sql`b.body`, words)}${bound}
    order by b.id desc
    limit ${intLiteral(limit)}`,
  );
  return rows.map((row) => ({
    id: toId(row.id),
    isUser: row.is_user === true,
    body: String(row.body),
    clientId: row.client_id === null ? null : String(row.client_id),
    createdAt: toDate(row.created_at),
  }));
}
