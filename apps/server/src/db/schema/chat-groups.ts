import { sql } from 'drizzle-orm';
import { bigint, bigserial, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './users.js';

export const chatGroups = pgTable(
  'chat_groups',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    authorId: bigint('author_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** How many messages the group holds: the reference its members' read marks are counted from. */
    messageCount: bigint('message_count', { mode: 'number' }).notNull().default(0),
  },
  // Names are unique regardless of case; the index makes the check race-free.
  (t) => [uniqueIndex('chat_groups_name_key').on(sql`lower(${t.name})`)],
);
