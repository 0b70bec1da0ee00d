import { limits, type SelfUser } from '@parley/shared';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { sessions, users } from '../db/schema/index.js';
import { hashToken, newToken } from './tokens.js';

/** A session is touched at most this often, so reads do not all turn into writes. */
const touchIntervalMs = 60_000;

export interface Session {
  sessionId: number;
  user: SelfUser;
}

export async function createSession(db: Database, userId: number, now: Date): Promise<string> {
  const token = newToken();
  await db.orm.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, lastUsedAt: now });
  return token;
}

/** The live session of a token, sliding its expiry forward; null when unknown or expired. */
export async function findSession(db: Database, token: string, now: Date): Promise<Session | null> {
  const [row] = await db.orm
    .select({
      sessionId: sessions.id,
      lastUsedAt: sessions.lastUsedAt,
      userId: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return null;
  const idleMs = now.getTime() - row.lastUsedAt.getTime();
  if (idleMs > limits.sessionIdleTtlMs) {
    await db.orm.delete(sessions).where(eq(sessions.id, row.sessionId));
    return null;
  }
  if (idleMs > touchIntervalMs) {
    await db.orm
      .update(sessions)
      .set({ lastUsedAt: now })
      .where(and(eq(sessions.id, row.sessionId), lt(sessions.lastUsedAt, now)));
  }
  return {
    sessionId: row.sessionId,
    user: { user_id: row.userId, email: row.email, first_name: row.firstName, last_name: row.lastName },
  };
}

export async function deleteSession(db: Database, sessionId: number): Promise<void> {
  await db.orm.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Whether the session still exists (not logged out, not purged); its expiry is not slid. */
export async function sessionExists(db: Database, sessionId: number): Promise<boolean> {
  const [row] = await db.orm.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  return row !== undefined;
}
