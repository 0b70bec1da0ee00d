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

/** Stores a pending registration; one per address, so a newer one replaces (voids) the older. */
export async function savePendingRegistration(db: Database, pending: PendingRegistration, now: Date): Promise<void> {
  const expiresAt = new Date(now.getTime() + limits.registrationLinkTtlMs);
  await db.orm
    .insert(pendingRegistrations)
    .values({ ...pending, createdAt: now, expiresAt })
    .onConflictDoUpdate({
      target: pendingRegistrations.email,
      set: {
        tokenHash: sql`excluded.token_hash`,
        passwordHash: sql`excluded.password_hash`,
        firstName: sql`excluded.first_name`,
        lastName: sql`excluded.last_name`,
        createdAt: sql`excluded.created_at`,
        expiresAt: sql`excluded.expires_at`,
      },
    });
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
 * Turns a pending registration into an account. The pending row is deleted in the same
 * transaction, so two clicks on one link create one account and the second finds nothing.
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
