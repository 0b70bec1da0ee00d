import { matchesInsideWords, type SearchMatch } from '@parley/shared';
import { sql, type SQL } from 'drizzle-orm';
import { toDate, toId, type Database } from '../db/client.js';
import { intLiteral } from '../db/literals.js';
import { likePattern, searchTimeoutMs } from '../bot/message-search.js';

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
 * One word's condition on a text column: the start of a word through the `simple` full-text
 * index (`deploy:*`), or, for `inside_words`, anywhere (`ILIKE`, served by the trigram index).
 * Words hold letters, marks and digits only (`searchWords`), so the tsquery text has no
 * operator in it.
 */
function wordCondition(column: SQL, word: string, match: SearchMatch): SQL {
  if (matchesInsideWords(word, match)) return sql`${column} ilike ${likePattern(word)}::text escape '\\'`;
  return sql`to_tsvector('simple', ${column}) @@ to_tsquery('simple', ${`${word}:*`}::text)`;
}

function allWords(column: SQL, words: string[], match: SearchMatch): SQL {
  return sql.join(
    words.map((word) => wordCondition(column, word, match)),
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
 * How far from the top the first walk goes: the newest this many messages are read in id order,
 * which finds a common word at once; below them, the index of the words is asked.
 */
export const recentWindow = 5_000;

/**
 * The first walk looks further for words inside words. The trigram index answers a word part made
 * of common trigrams (`omika`: `omi`, `mik`, `ika`) with tens of thousands of candidates, each
 * read and rechecked (over 100 ms on a million messages), while walking a message the reader
 * cannot read costs one look-up in their conversations (under 1 µs): the whole walk, when it
 * finds nothing, costs 10–25 ms on a busy 2-core machine.
 */
export const insideWordsWindow = 25_000;

export function walkWindow(match: SearchMatch): number {
  return match === 'inside_words' ? insideWordsWindow : recentWindow;
}

/**
 * The newest room and group messages below `before` that hold every word, in the rooms the user
 * is one of the two people of and the groups they are a member of: nobody else's. Names are
 * joined as they are now, so a renamed person or group shows the new name.
 *
 * Two walks in one statement, the second run only when the first did not fill the page (an
 * Append under a Limit stops pulling): the newest `walkWindow` ids backwards through the
 * primary key, then everything older through the full-text or trigram index, sorted. The planner
 * cannot tell a rare prefix (`zephyr:*`) from a common one, and given the choice walked the
 * whole table backwards for rare words (0.8 s on a million messages); `id + 0` keeps the primary
 * key out of the second walk. In the first walk of an inside-words search the conversation is
 * checked before the words: `ILIKE` is declared cheap, so the planner tests it first, but it
 * lowercases every message it reads (1–2 µs each), and most messages walked are not the
 * reader's. (`to_tsvector` is declared costly, and the planner already tests it last.)
 */
export async function searchConversations(
  db: Database,
  userId: number,
  words: string[],
  match: SearchMatch,
  before: number | null,
  limit: number,
): Promise<FoundMessage[]> {
  const user = intLiteral(userId);
  const rows = intLiteral(limit);
  const top = before === null ? sql`(select coalesce(max(id), 0) + 1 from messages)` : intLiteral(before);
  const window = intLiteral(walkWindow(match));
  const canRead = sql`(
      m.room_id in (select id from chat_rooms where user_low = ${user} union all select id from chat_rooms where user_high = ${user})
      or m.group_id in (select group_id from group_members where user_id = ${user})
    )`;
  const hasWords = allWords(sql`m.body`, words, match);
  const readable = sql`${canRead} and ${hasWords}`;
  // CASE is evaluated in the order written (and keeps the trigram index out of the walk).
  const walked = match === 'inside_words' ? sql`case when ${canRead} then ${hasWords} else false end` : readable;
  const columns = sql`m.id, m.room_id, m.group_id, m.sender_id, m.body, m.client_id, m.created_at`;
  const found = await searchRows(
    db,
    sql`
    select f.id, f.room_id, f.group_id, f.sender_id, f.body, f.client_id, f.created_at,
      s.first_name as sender_first_name, s.last_name as sender_last_name,
      o.id as other_id, o.first_name as other_first_name, o.last_name as other_last_name,
      g.name as group_name
    from (
      select * from (
        (select ${columns} from messages m
          where m.id < ${top} and m.id >= ${top} - ${window} and ${walked}
          order by m.id desc limit ${rows})
        union all
        (select ${columns} from messages m
          where m.id + 0 < ${top} - ${window} and ${readable}
          order by m.id + 0 desc limit ${rows})
      ) walks limit ${rows}
    ) f
    join users s on s.id = f.sender_id
    left join chat_rooms r on r.id = f.room_id
    left join users o on o.id = case when r.user_low = ${user} then r.user_high else r.user_low end
    left join chat_groups g on g.id = f.group_id
    order by f.id desc`,
  );
  return found.map(toFound);
}

/**
 * A search statement with its bounds on PostgreSQL: the bot's statement timeout, and no parallel
 * workers (a search is one small query among many users', not a report; on a busy machine the
 * workers' start cost more than they saved). PGlite has neither: there the indexes and limits
 * are the bound.
 */
async function searchRows(db: Database, query: SQL): Promise<Record<string, unknown>[]> {
  if (db.kind !== 'postgres') return db.rows<Record<string, unknown>>(query);
  return db.orm.transaction(async (tx) => {
    await tx.execute(sql`select set_config('statement_timeout', ${String(searchTimeoutMs)}, true),
      set_config('max_parallel_workers_per_gather', '0', true)`);
    const result = await tx.execute(query);
    return [...(result as unknown as Iterable<Record<string, unknown>>)];
  });
}

/** The newest turns of the user's own bot chat below `before` that hold every word. */
export async function searchBotChat(
  db: Database,
  userId: number,
  words: string[],
  match: SearchMatch,
  before: number | null,
  limit: number,
): Promise<FoundBotMessage[]> {
  const bound = before === null ? sql`` : sql` and b.id < ${intLiteral(before)}`;
  const rows = await searchRows(
    db,
    sql`
    select b.id, b.is_user, b.body, b.client_id, b.created_at from bot_messages b
    where b.user_id = ${intLiteral(userId)} and ${allWords(sql`b.body`, words, match)}${bound}
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
