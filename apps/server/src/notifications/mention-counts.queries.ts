import { mentionToken } from '@parley/shared';
import { sql } from 'drizzle-orm';
import { toId, type Database } from '../db/client.js';
import { likePattern } from '../bot/message-search.js';

/**
 * How many of each conversation's unread messages mention the user (`<@id>` in the text). The
 * unread ones are the `unread` newest messages of others, the rule the counts follow; one
 * statement per kind, each walking the (conversation, id) index of the conversations given.
 */
export async function mentionCounts(
  db: Database,
  userId: number,
  entries: { kind: 'room' | 'group'; id: number; unread: number }[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const pattern = likePattern(mentionToken(userId));
  for (const kind of ['room', 'group'] as const) {
    const wanted = entries.filter((entry) => entry.kind === kind && entry.unread > 0).map((entry) => ({ id: entry.id, unread: entry.unread }));
    if (wanted.length === 0) continue;
    const column = sql.raw(kind === 'room' ? 'room_id' : 'group_id');
    const rows = await db.rows<{ id: unknown; mentions: unknown }>(sql`
      select e.id, (
        select count(*) from (
          select m.body from messages m
          where m.${column} = e.id and m.sender_id <> ${userId}::bigint
          order by m.id desc limit e.unread
        ) u where u.body like ${pattern}::text escape '\\'
      ) as mentions
      from json_to_recordset(${JSON.stringify(wanted)}::json) as e(id bigint, unread int)`);
    for (const row of rows) counts.set(`${kind}:${toId(row.id)}`, Number(row.mentions));
  }
  return counts;
}
