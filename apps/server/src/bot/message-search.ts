import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';

/**
 * What one "find" may cost: a term of at most this many code points, matched literally, in the
 * conversations of the user who asks, at most `maxSearchResults` rows, and on PostgreSQL at most
 * `searchTimeoutMs` of database time. The trigram index on messages.body (pg_trgm) keeps the
 * usual search far below that.
 */
export const maxSearchTermCodePoints = 100;
export const maxSearchResults = 100;
export const searchTimeoutMs = 2_000;

/** The term, cut to `maxSearchTermCodePoints` code points. */
export function boundedTerm(term: string): string {
  return Array.from(term).slice(0, maxSearchTermCodePoints).join('');
}

/** Turns a search term into a LIKE pattern that matches it literally (`escape '\'`). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The newest messages of the user's rooms and groups whose text contains `term`, any case. */
export function searchMessagesQuery(userId: number, term: string, limit: number): SQL {
  const rows = Math.max(1, Math.min(Math.trunc(limit) || 1, maxSearchResults));
  return sql`
    select m.body, m.created_at, a.first_name || ' ' || a.last_name as author,
      coalesce(g.name, o.first_name || ' ' || o.last_name) as place
    from messages m
    join users a on a.id = m.sender_id
    left join chat_rooms r on r.id = m.room_id
    left join users o on o.id = case when r.user_low = ${userId}::bigint then r.user_high else r.user_low end
    left join chat_groups g on g.id = m.group_id
    where m.body ilike ${likePattern(boundedTerm(term))}::text escape '\\'
      and (
        r.user_low = ${userId}::bigint or r.user_high = ${userId}::bigint
        or exists (select 1 from group_members gm where gm.group_id = m.group_id and gm.user_id = ${userId}::bigint)
      )
    order by m.id desc
    limit ${rows}::int`;
}

/**
 * Runs a search with PostgreSQL's statement timeout set for it alone (`set_config(..., true)`
 * lasts until the end of its transaction). PGlite runs in this process without timers, so it
 * ignores statement_timeout: there the term's length, the index and the limit are the bound.
 */
export async function runSearch(db: Database, query: SQL): Promise<Record<string, unknown>[]> {
  if (db.kind !== 'postgres') return db.rows<Record<string, unknown>>(query);
  return db.orm.transaction(async (tx) => {
    await tx.execute(sql`select set_config('statement_timeout', ${String(searchTimeoutMs)}, true)`);
    const result = await tx.execute(query);
    return [...(result as unknown as Iterable<Record<string, unknown>>)];
  });
}
