import { limits, type SelfUser } from '@parley/shared';
import { and, eq, lt, sql } from 'drizzle-orm';
import { toDate, toId, type Database } from '../db/client.js';
import { hexLiteral } from '../db/literals.js';
import { sessions } from '../db/schema/index.js';
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

/**
 * The live session of a token, sliding its expiry forward; null when unknown or expired. Every
 * request runs this, so the digest is written into the text (`hexLiteral`): one round trip.
 */
export async function findSession(db: Database, token: string, now: Date): Promise<Session | null> {
  const [row] = await db.rows<Record<string, unknown>>(sql`
    select s.id as session_id, s.last_used_at, u.id as user_id, u.email, u.first_name, u.last_name
    from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${hexLiteral(hashToken(token))}
    limit 1`);
  if (!row) return null;
  const sessionId = toId(row.session_id);
  const lastUsedAt = toDate(row.last_used_at);
  const idleMs = now.getTime() - lastUsedAt.getTime();
  if (idleMs > limits.sessionIdleTtlMs) {
    await db.orm.delete(sessions).where(eq(sessions.id, sessionId));
    return null;
  }
  if (idleMs > touchIntervalMs) {
    await db.orm
      .update(sessions)
      .set({ lastUsedAt: now })
      .where(and(eq(sessions.id, sessionId), lt(sessions.lastUsedAt, now)));
  }
  return {
    sessionId,
    user: { user_id: toId(row.user_id), email: String(row.email), first_name: String(row.first_name), last_name: String(row.last_name) },
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
