import { limits } from '@parley/shared';
import { and, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { passwordResets, users } from '../db/schema/index.js';
import { deleteSessionsOf } from '../auth/sessions.queries.js';

export interface ResetAccount {
  id: number;
  firstName: string;
}

export async function accountForReset(db: Database, email: string): Promise<ResetAccount | null> {
  const [row] = await db.orm
    .select({ id: users.id, firstName: users.firstName })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row ?? null;
}

export async function saveResetLink(db: Database, userId: number, tokenHash: string, now: Date): Promise<void> {
  await db.orm.insert(passwordResets).values({
    userId,
    tokenHash,
    createdAt: now,
    expiresAt: new Date(now.getTime() + limits.passwordResetLinkTtlMs),
  });
}

export type ResetLinkState = 'valid' | 'expired' | 'unknown';

export async function resetLinkState(db: Database, tokenHash: string, now: Date): Promise<ResetLinkState> {
  const [row] = await db.orm
    .select({ expiresAt: passwordResets.expiresAt })
    .from(passwordResets)
    .where(eq(passwordResets.tokenHash, tokenHash))
    .limit(1);
  if (!row) return 'unknown';
  return row.expiresAt > now ? 'valid' : 'expired';
}

export type ResetOutcome =
  | { outcome: 'changed'; user: { id: number; email: string; firstName: string }; endedSessionIds: number[] }
  | { outcome: 'expired' | 'unknown' };

/**
 * Sets the account's password from a live link, in one transaction with what must go with it:
 * the link and every other pending link of the account are deleted (two posts of one form change
 * the password once), and every session of the account ends.
 */
export async function resetPassword(db: Database, tokenHash: string, passwordHash: string, now: Date): Promise<ResetOutcome> {
  return db.orm.transaction(async (tx) => {
    const [link] = await tx
      .delete(passwordResets)
      .where(and(eq(passwordResets.tokenHash, tokenHash), gt(passwordResets.expiresAt, now)))
      .returning({ userId: passwordResets.userId });
    if (!link) {
      const [expired] = await tx
        .select({ id: passwordResets.id })
        .from(passwordResets)
        .where(eq(passwordResets.tokenHash, tokenHash))
        .limit(1);
      return { outcome: expired ? 'expired' : 'unknown' };
    }
    await tx.delete(passwordResets).where(eq(passwordResets.userId, link.userId));
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, link.userId))
      .returning({ id: users.id, email: users.email, firstName: users.firstName });
    if (!user) return { outcome: 'unknown' };
    const endedSessionIds = await deleteSessionsOf(tx, user.id);
    return { outcome: 'changed', user, endedSessionIds };
  });
}

/**
 * `PUT /password`'s write: the new hash, every other session ended, every pending link voided.
 * Answers the ended sessions' ids.
 */
export async function changePassword(db: Database, userId: number, passwordHash: string, keepSessionId: number): Promise<number[]> {
  return db.orm.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
    return deleteSessionsOf(tx, userId, keepSessionId);
  });
}

export async function passwordHashOf(db: Database, userId: number): Promise<string | null> {
  const [row] = await db.orm.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.hash ?? null;
}
