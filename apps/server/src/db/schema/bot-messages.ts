import { bigint, bigserial, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/** Each user's conversation with the bot: their turns and the bot's replies. */
export const botMessages = pgTable(
  'bot_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    isUser: boolean('is_user').notNull(),
    body: text('body').notNull(),
    clientId: uuid('client_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('bot_messages_user_id_id_idx').on(t.userId, t.id),
    uniqueIndex('bot_messages_user_client_id_key').on(t.userId, t.clientId),
  ],
);
