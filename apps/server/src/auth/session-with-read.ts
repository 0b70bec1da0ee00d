import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { readSessionRows, sessionLookupOf, settleSessions, type Session } from './sessions.queries.js';

export interface ReadWithSession {
  session: Session;
  /** The read's own columns (null when the read found nothing), beside the session's. */
  row: Record<string, unknown>;
}

/**
 * A read whose statement finds the caller's session too: one round trip where a token check and
 * the read were two. A page of history is most of what a desktop asks for after waking, and the
 * token check was half of each page's time. `read` gets the session's user id as a column
 * (`s.user_id`) and must not name its columns like the session's (`sessionLookup`). Null when the
 * token has no live session; an expired one is deleted, as every lookup does.
 */
export async function readWithSession(ctx: AppContext, token: string, read: (userId: SQL) => SQL): Promise<ReadWithSession | null> {
  const now = ctx.clock.now();
  const rows = await ctx.db.rows<Record<string, unknown>>(sql`
    select s.*, r.* from (${sessionLookupOf(token)}) s
    left join lateral (${read(sql`s.user_id`)}) r on true`);
  const looked = readSessionRows(rows, now, false);
  await settleSessions(ctx.db, looked, now);
  const [live] = looked.live;
  return live ? { session: live.entry.session, row: live.row } : null;
}
