import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, pgTable, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * A direct conversation between two users, stored once per pair with the smaller id first.
 * Each side's unread counter lives on the row, so a send bumps it in the same statement.
 */
export const chatRooms = pgTable(
  'chat_rooms',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userLow: bigint('user_low', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userHigh: bigint('user_high', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    unreadLow: integer('unread_low').notNull().default(0),
    unreadHigh: integer('unread_high').notNull().default(0),
    /** The newest message's id: orders the room list by recent activity. */
    lastMessageId: bigint('last_message_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('chat_rooms_pair_key').on(t.userLow, t.userHigh),
    index('chat_rooms_user_high_idx').on(t.userHigh),
    check('chat_rooms_pair_order', sql`${t.userLow} < ${t.userHigh}`),
  ],
);
