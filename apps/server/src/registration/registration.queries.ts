import { limits } from '@parley/shared';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { pendingRegistrations, users } from '../db/schema/index.js';

export interface PendingRegistration {
  email: string;
  tokenHash: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
}

export async function accountExists(db: Database, email: string): Promise<boolean> {
  const rows = await db.orm.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return rows.length > 0;
}

/**
 * Stores a registration under its own link, beside any other pending one of the address (never
 * changing them). Says whether the address already had a live link, which the mail then mentions.
 */
export async function savePendingRegistration(
  db: Database,
  pending: PendingRegistration,
  now: Date,
): Promise<{ alreadyPending: boolean }> {
  const expiresAt = new Date(now.getTime() + limits.registrationLinkTtlMs);
  const rows = await db.rows<{ already_pending: unknown }>(sql`
    with earlier as (
      select 1 from pending_registrations where email = ${pending.email} and expires_at > ${now.toISOString()}::timestamptz
      limit 1
    ), saved as (
      insert into pending_registrations (email, token_hash, password_hash, first_name, last_name, created_at, expires_at)
      values (${pending.email}, ${pending.tokenHash}, ${pending.passwordHash}, ${pending.firstName}, ${pending.lastName},
        ${now.toISOString()}::timestamptz, ${expiresAt.toISOString()}::timestamptz)
      returning id
    )
    select exists (select 1 from earlier) as already_pending from saved`);
  return { alreadyPending: rows[0]?.already_pending === true };
}

export type LinkState = 'valid' | 'expired' | 'unknown';

export async function linkState(db: Database, tokenHash: string, now: Date): Promise<LinkState> {
  const [row] = await db.orm
    .select({ expiresAt: pendingRegistrations.expiresAt })
    .from(pendingRegistrations)
    .where(eq(pendingRegistrations.tokenHash, tokenHash))
    .limit(1);
  if (!row) return 'unknown';
  return row.expiresAt > now ? 'valid' : 'expired';
}

export type Confirmation =
  | { outcome: 'created'; user: { id: number; firstName: string; lastName: string } }
  | { outcome: 'expired' | 'unknown' };

/**
 * Turns a pending registration into an account with that registration's password and names. Its
 * row and every other pending row of the address are deleted in the same transaction: two clicks
 * on one link create one account, and every other link of the address is void.
 */
export async function confirmRegistration(db: Database, tokenHash: string, now: Date): Promise<Confirmation> {
  return db.orm.transaction(async (tx) => {
    const [pending] = await tx
      .delete(pendingRegistrations)
      .where(and(eq(pendingRegistrations.tokenHash, tokenHash), gt(pendingRegistrations.expiresAt, now)))
      .returning();
    if (!pending) {
      const [expired] = await tx
        .select({ id: pendingRegistrations.id })
        .from(pendingRegistrations)
        .where(eq(pendingRegistrations.tokenHash, tokenHash))
        .limit(1);
      return { outcome: expired ? 'expired' : 'unknown' };
    }
    await tx.delete(pendingRegistrations).where(eq(pendingRegistrations.email, pending.email));
    const [user] = await tx
      .insert(users)
      .values({
        email: pending.email,
        passwordHash: pending.passwordHash,
        firstName: pending.firstName,
        lastName: pending.lastName,
        createdAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, firstName: users.firstName, lastName: users.lastName });
    return user ? { outcome: 'created', user } : { outcome: 'unknown' };
  });
}
