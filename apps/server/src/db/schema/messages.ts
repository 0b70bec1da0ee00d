import type { Attachment } from '@parley/shared';
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chatGroups } from './chat-groups.js';
import { chatRooms } from './chat-rooms.js';
import { users } from './users.js';

/**
 * Every edit, deletion and reaction takes the next value: a message's `change_seq` is its latest,
 * and a conversation's change cursor the highest among its messages.
 */
export const messageChangeSeq = pgSequence('message_change_seq');

/**
 * Room and group messages in one table: exactly one of `room_id` / `group_id` is set. Pages are
 * read by (conversation, id), so each conversation has its own composite index.
 */
export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    roomId: bigint('room_id', { mode: 'number' }).references(() => chatRooms.id, { onDelete: 'cascade' }),
    groupId: bigint('group_id', { mode: 'number' }).references(() => chatGroups.id, { onDelete: 'cascade' }),
    senderId: bigint('sender_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    clientId: uuid('client_id'),
    /** The wire shape of the files it shows (`files` rows hold the same), so a page reads no join. */
    attachments: jsonb('attachments').$type<Attachment[]>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date' }),
    /** A deleted message keeps its row (its place in history) with an empty body. */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    changeSeq: bigint('change_seq', { mode: 'number' }),
  },
  (t) => [
    index('messages_room_id_id_idx').on(t.roomId, t.id).where(sql`${t.roomId} is not null`),
    index('messages_group_id_id_idx').on(t.groupId, t.id).where(sql`${t.groupId} is not null`),
    // A retry with the same client_id finds the first message; NULLs never collide.
    // The bot's "find" matches `body ILIKE '%term%'`; trigrams let that use an index (pg_trgm).
    index('messages_body_trgm_idx').using('gin', t.body.op('gin_trgm_ops')),
    index('messages_room_id_change_seq_idx').on(t.roomId, t.changeSeq).where(sql`${t.roomId} is not null and ${t.changeSeq} is not null`),
    index('messages_group_id_change_seq_idx').on(t.groupId, t.changeSeq).where(sql`${t.groupId} is not null and ${t.changeSeq} is not null`),
    // Search matches short words at the start of a word through the `simple` full-text config.
    index('messages_body_fts_idx').using('gin', sql`to_tsvector('simple', ${t.body})`),
    uniqueIndex('messages_sender_client_id_key').on(t.senderId, t.clientId),
    check('messages_one_conversation', sql`(${t.roomId} is null) <> (${t.groupId} is null)`),
  ],
);
