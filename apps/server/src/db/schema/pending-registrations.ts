import { bigserial, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Registrations waiting for their link to be opened, apart from accounts so an unconfirmed address
 * can never log in. One row per link: each holds the password and names given with it, so whoever
 * registers an address again cannot change what the owner's own link creates. Opening one link
 * deletes every row of its address.
 */
export const pendingRegistrations = pgTable(
  'pending_registrations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    /** SHA-256 of the link token, hex; the token itself is only ever in the mail. */
    tokenHash: text('token_hash').notNull(),
    passwordHash: text('password_hash').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('pending_registrations_email_idx').on(t.email),
    uniqueIndex('pending_registrations_token_hash_key').on(t.tokenHash),
    index('pending_registrations_expires_at_idx').on(t.expiresAt),
  ],
);
