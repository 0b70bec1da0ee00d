import { limits, type SelfUser } from '@parley/shared';
import { and, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
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

export async function createSession(db: Database, userId: number, now: Date, client = ''): Promise<string> {
  const token = newToken();
  await db.orm.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, lastUsedAt: now, client });
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

export interface SessionRow {
  id: number;
  createdAt: Date;
  lastUsedAt: Date;
  client: string;
}

/** A user's live sessions, the most recently used first (idle ones past expiry are not live). */
export async function sessionsOf(db: Database, userId: number, now: Date): Promise<SessionRow[]> {
  return db.orm
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastUsedAt: sessions.lastUsedAt, client: sessions.client })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.lastUsedAt, new Date(now.getTime() - limits.sessionIdleTtlMs))))
    .orderBy(desc(sessions.lastUsedAt), desc(sessions.id));
}

/** Deletes one session if it is the user's; false when there is no such session of theirs. */
export async function deleteOwnSession(db: Database, userId: number, sessionId: number): Promise<boolean> {
  const rows = await db.orm
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Deletes every session of a user but `keep` (none kept when omitted); answers the ids deleted. */
export async function deleteSessionsOf(db: Pick<Database['orm'], 'delete'>, userId: number, keep?: number): Promise<number[]> {
  const rows = await db
    .delete(sessions)
    .where(keep === undefined ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.id, keep)))
    .returning({ id: sessions.id });
  return rows.map((row) => row.id);
}
