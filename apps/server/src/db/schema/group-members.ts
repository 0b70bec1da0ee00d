import { bigint, index, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { chatGroups } from './chat-groups.js';
import { users } from './users.js';

/**
 * Membership of a group, with the member's read mark. A member's unread count is the group's
 * `message_count` minus `read_count`, so a message costs one counter update however big the group
 * is. While the member has the group open, `present_from` holds the count at which they entered:
 * what arrives then is not unread, and leaving folds it into `read_count`.
 */
export const groupMembers = pgTable(
  'group_members',
  {
    groupId: bigint('group_id', { mode: 'number' })
      .notNull()
      .references(() => chatGroups.id, { onDelete: 'cascade' }),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readCount: bigint('read_count', { mode: 'number' }).notNull().default(0),
    presentFrom: bigint('present_from', { mode: 'number' }),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_members_user_id_idx').on(t.userId)],
);
