import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { chatGroups } from './chat-groups.js';
import { messages } from './messages.js';
import { users } from './users.js';

/**
 * Uploaded files. A file is uploaded for one conversation (the room with `peer_id`, or
 * `group_id`) and then shown by at most one message of its uploader there (`message_id`). The
 * bytes live in the file store under `id`, never under the name the uploader gave.
 */
export const files = pgTable(
  'files',
  {
    id: text('id').primaryKey(),
    uploaderId: bigint('uploader_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    peerId: bigint('peer_id', { mode: 'number' }).references(() => users.id, { onDelete: 'cascade' }),
    groupId: bigint('group_id', { mode: 'number' }).references(() => chatGroups.id, { onDelete: 'cascade' }),
    // A deleted message leaves its files unattached: housekeeping then removes their bytes.
    messageId: bigint('message_id', { mode: 'number' }).references(() => messages.id, { onDelete: 'set null' }),
    position: smallint('position'),
    name: text('name').notNull(),
    type: text('type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    width: integer('width'),
    height: integer('height'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    attachedAt: timestamp('attached_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('files_message_id_idx').on(t.messageId).where(sql`${t.messageId} is not null`),
    index('files_unattached_idx').on(t.createdAt).where(sql`${t.messageId} is null`),
    index('files_uploader_id_idx').on(t.uploaderId),
    check('files_one_conversation', sql`(${t.peerId} is null) <> (${t.groupId} is null)`),
  ],
);
