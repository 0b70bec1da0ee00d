import { and, asc, eq, sql } from 'drizzle-orm';
import { toId, type Database } from '../db/client.js';
import { chatGroups, groupMembers } from '../db/schema/index.js';
import { messageRowOf, type MessageRow } from '../messages/message-shapes.js';

export interface GroupRow {
  id: number;
  name: string;
  authorId: number;
}

const groupColumns = { id: chatGroups.id, name: chatGroups.name, authorId: chatGroups.authorId };

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export async function listGroups(db: Database): Promise<(GroupRow & { memberCount: number })[]> {
  const rows = await db.orm
    .select({ ...groupColumns, memberCount: sql<number>`(select count(*) from group_members m where m.group_id = ${chatGroups.id})` })
    .from(chatGroups)
    .orderBy(asc(chatGroups.id));
  return rows.map((row) => ({ ...row, memberCount: Number(row.memberCount) }));
}

export async function findGroup(db: Database, groupId: number): Promise<GroupRow | null> {
  const [row] = await db.orm.select(groupColumns).from(chatGroups).where(eq(chatGroups.id, groupId)).limit(1);
  return row ?? null;
}

/** Creates a group with its author as first member; null when the name is taken (any case). */
export async function createGroup(db: Database, name: string, authorId: number, now: Date): Promise<GroupRow | null> {
  return db.orm.transaction(async (tx) => {
    const [group] = await tx
      .insert(chatGroups)
      .values({ name, authorId, createdAt: now })
      .onConflictDoNothing()
      .returning(groupColumns);
    if (!group) return null;
    await tx.insert(groupMembers).values({ groupId: group.id, userId: authorId, joinedAt: now });
    return group;
  });
}

/** Renames a group; `conflict` when another group has the name. */
export async function renameGroup(db: Database, groupId: number, name: string): Promise<GroupRow | 'conflict'> {
  try {
    const [row] = await db.orm.update(chatGroups).set({ name }).where(eq(chatGroups.id, groupId)).returning(groupColumns);
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) return 'conflict';
    throw error;
  }
}

/** Makes a user a member; true when they were not one before. */
export async function joinGroup(db: Database, groupId: number, userId: number, now: Date): Promise<boolean> {
  const rows = await db.orm
    .insert(groupMembers)
    .values({ groupId, userId, joinedAt: now })
    .onConflictDoNothing()
    .returning({ userId: groupMembers.userId });
  return rows.length > 0;
}

export async function isMember(db: Database, groupId: number, userId: number): Promise<boolean> {
  const rows = await db.orm
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

export async function groupIdsOf(db: Database, userId: number): Promise<number[]> {
  const rows = await db.orm.select({ groupId: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.userId, userId));
  return rows.map((row) => row.groupId);
}

export async function markGroupRead(db: Database, groupId: number, userId: number): Promise<boolean> {
  const rows = await db.orm
    .update(groupMembers)
    .set({ unreadCount: 0 })
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
    .returning({ userId: groupMembers.userId });
  return rows.length > 0;
}

export interface StoredGroupMessage extends MessageRow {
  groupId: number;
  /** Members whose unread counter went up, with its new value. */
  bumped: { userId: number; unread: number }[];
}

/**
 * Stores a group message if the sender is a member, and bumps the unread counter of every member
 * who is neither the sender nor present, in one statement. Nothing when the sender is not a
 * member or this `client_id` was already used.
 */
export async function insertGroupMessage(
  db: Database,
  input: { groupId: number; senderId: number; body: string; clientId: string | null; now: Date; presentIds: number[] },
): Promise<StoredGroupMessage | null> {
  const present = `{${input.presentIds.join(',')}}`;
  const rows = await db.rows<Record<string, unknown>>(sql`
    with msg as (
      insert into messages (group_id, sender_id, body, client_id, created_at)
      select ${input.groupId}::bigint, ${input.senderId}::bigint, ${input.body}::text, ${input.clientId}::uuid,
        ${input.now.toISOString()}::timestamptz
      where exists (
        select 1 from group_members where group_id = ${input.groupId}::bigint and user_id = ${input.senderId}::bigint
      )
      on conflict (sender_id, client_id) do nothing
      returning id, group_id, sender_id, body, client_id, created_at
    ), bump as (
      update group_members gm set unread_count = gm.unread_count + 1
      from msg
      where gm.group_id = msg.group_id
        and gm.user_id <> ${input.senderId}::bigint
        and not (gm.user_id = any(${present}::bigint[]))
      returning gm.user_id, gm.unread_count
    )
    select msg.*,
      (select coalesce(json_agg(json_build_array(bump.user_id, bump.unread_count)), '[]'::json) from bump) as bumped
    from msg`);
  const row = rows[0];
  if (!row) return null;
  const bumped = (typeof row.bumped === 'string' ? JSON.parse(row.bumped) : row.bumped) as [unknown, unknown][];
  return {
    ...messageRowOf(row),
    groupId: toId(row.group_id),
    bumped: bumped.map(([userId, unread]) => ({ userId: toId(userId), unread: Number(unread) })),
  };
}
