import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';

/*
 * A member's unread count is `coalesce(present_from, message_count) - read_count`: while they
 * have the group open the count stands still, and leaving skips what arrived meanwhile. Each
 * change here touches the one member's row, never the other members'.
 */

/** The unread count of a member row `gm` joined with its group `g`, as SQL. */
export const memberUnread = sql.raw('(coalesce(gm.present_from, g.message_count) - gm.read_count)');

/** Marks a group read for the caller; false when they are not a member. */
export async function markGroupRead(db: Database, groupId: number, userId: number): Promise<boolean> {
  const rows = await db.rows(sql`
    update group_members gm set read_count = coalesce(gm.present_from, g.message_count)
    from chat_groups g
    where g.id = gm.group_id and gm.group_id = ${groupId}::bigint and gm.user_id = ${userId}::bigint
    returning gm.user_id`);
  return rows.length > 0;
}

/** The member opened the group: from now on its messages are not unread for them. */
export async function markPresent(db: Database, groupId: number, userId: number): Promise<void> {
  await db.rows(sql`
    update group_members gm set present_from = g.message_count
    from chat_groups g
    where g.id = gm.group_id and gm.group_id = ${groupId}::bigint and gm.user_id = ${userId}::bigint
      and gm.present_from is null`);
}

/**
 * The member left these groups (or closed their last socket): what arrived meanwhile stays read.
 * One statement for all of them, however many groups a closing socket was present in.
 */
export async function markAbsent(db: Database, groupIds: number[], userId: number): Promise<void> {
  await db.rows(sql`
    update group_members gm set read_count = gm.read_count + (g.message_count - gm.present_from), present_from = null
    from chat_groups g
    where g.id = gm.group_id and gm.group_id = any(${`{${groupIds.join(',')}}`}::bigint[]) and gm.user_id = ${userId}::bigint
      and gm.present_from is not null`);
}

/**
 * Ends every presence a previous run left behind (a crash, or sockets closed with the database):
 * before this server listens nobody has a socket on it. Run at start, on one node only.
 */
export async function releaseStalePresence(db: Database): Promise<void> {
  await db.rows(sql`
    update group_members gm set read_count = gm.read_count + (g.message_count - gm.present_from), present_from = null
    from chat_groups g
    where g.id = gm.group_id and gm.present_from is not null`);
}
