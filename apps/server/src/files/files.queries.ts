import type { Attachment } from '@parley/shared';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { intLiteral } from '../db/literals.js';
import { files } from '../db/schema/index.js';
import type { IngestedFile } from './ingest.js';

export type FileRow = typeof files.$inferSelect;

/** Where a file was uploaded to. */
export type FileTarget = { peerId: number; groupId?: undefined } | { groupId: number; peerId?: undefined };

export function toAttachment(row: Pick<FileRow, 'id' | 'name' | 'type' | 'size' | 'width' | 'height'>): Attachment {
  const attachment: Attachment = { file_id: row.id, name: row.name, type: row.type, size: row.size };
  if (row.width && row.height) {
    attachment.width = row.width;
    attachment.height = row.height;
  }
  return attachment;
}

export async function insertFile(db: Database, uploaderId: number, target: FileTarget, file: IngestedFile, now: Date): Promise<FileRow> {
  const [row] = await db.orm
    .insert(files)
    .values({
      id: file.id,
      uploaderId,
      peerId: target.peerId ?? null,
      groupId: target.groupId ?? null,
      name: file.name,
      type: file.type,
      size: file.size,
      width: file.width ?? null,
      height: file.height ?? null,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('the file insert returned no row');
  return row;
}

/** Bytes a user's files take, attached or not. */
export async function usedBytes(db: Database, userId: number): Promise<number> {
  const [row] = await db.orm
    .select({ used: sql<string>`coalesce(sum(${files.size}), 0)` })
    .from(files)
    .where(eq(files.uploaderId, userId));
  return Number(row?.used ?? 0);
}

/**
 * The files a user may read among `ids`: their own uploads, and files shown in a message of a
 * conversation they are in (the room's other person, or a member of the group).
 */
export async function readableFiles(db: Database, ids: string[], userId: number): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  const user = intLiteral(userId);
  return db.orm
    .select()
    .from(files)
    .where(
      and(
        inArray(files.id, ids),
        sql`(${files.uploaderId} = ${user} or (${files.messageId} is not null and (
          ${files.peerId} = ${user}
          or exists (select 1 from group_members gm where gm.group_id = ${files.groupId} and gm.user_id = ${user}))))`,
      ),
    );
}

export async function filesByIds(db: Database, ids: string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db.orm.select().from(files).where(inArray(files.id, ids));
}

export async function findFile(db: Database, id: string): Promise<FileRow | null> {
  const [row] = await db.orm.select().from(files).where(eq(files.id, id)).limit(1);
  return row ?? null;
}

/** Deletes rows and returns their ids, for the store to remove their bytes. */
export async function deleteUnattachedOf(db: Database, id: string, uploaderId: number): Promise<string[]> {
  const rows = await db.orm
    .delete(files)
    .where(and(eq(files.id, id), eq(files.uploaderId, uploaderId), isNull(files.messageId)))
    .returning({ id: files.id });
  return rows.map((row) => row.id);
}

export async function deleteFilesOfMessages(db: Database, messageIds: number[]): Promise<string[]> {
  if (messageIds.length === 0) return [];
  const rows = await db.orm.delete(files).where(inArray(files.messageId, messageIds)).returning({ id: files.id });
  return rows.map((row) => row.id);
}

/** Files never shown in a message (or whose message is gone) since before `before`. */
export async function deleteUnattachedBefore(db: Database, before: Date, limit = 1000): Promise<string[]> {
  const stale = db.orm
    .select({ id: files.id })
    .from(files)
    .where(and(isNull(files.messageId), lt(files.createdAt, before)))
    .limit(limit);
  const rows = await db.orm.delete(files).where(inArray(files.id, stale)).returning({ id: files.id });
  return rows.map((row) => row.id);
}
