import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { chatGroups, groupMembers } from '../db/schema/index.js';

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

export async function isMember(db: Database, groupId: number, userId: number): Promise<boolean> {
  const rows = await db.orm
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

