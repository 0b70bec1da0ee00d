import { limits, type SelfUser } from '@parley/shared';
import { and, desc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { toDate, toId, type Database } from '../db/client.js';
import { hexLiteral } from '../db/literals.js';
import { sessions } from '../db/schema/index.js';
import { jsonColumn } from '../messages/json-column.js';
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
  return (await findSessions(db, [token], now, false)).get(token)?.session ?? null;
}

/** A socket's session and the groups its user is a member of (the rooms it joins), in the same round trip. */
export async function findSocketSession(db: Database, token: string, now: Date): Promise<SocketSession | null> {
  return (await findSessions(db, [token], now, true)).get(token) ?? null;
}

export interface SocketSession {
  session: Session;
  groupIds: number[];
}

const groupIdList = z.array(z.number().int());

/**
 * The live sessions of several tokens in one statement (the requests and handshakes that arrive
 * together, `auth/session-lookups.ts`), keyed by token; a token unknown or expired is absent.
 * Expired sessions are deleted and the others touched, each in one statement for all of them.
 */
export async function findSessions(db: Database, tokens: readonly string[], now: Date, withGroups: boolean): Promise<Map<string, SocketSession>> {
  const found = new Map<string, SocketSession>();
  if (tokens.length === 0) return found;
  const byHash = new Map<string, string[]>();
  for (const token of tokens) {
    const hash = hashToken(token);
    byHash.set(hash, [...(byHash.get(hash) ?? []), token]);
  }
  const hashes = sql.join([...byHash.keys()].map(hexLiteral), sql`, `);
  const groups = withGroups ? sql`, (select json_agg(gm.group_id) from group_members gm where gm.user_id = u.id) as group_ids` : sql``;
  const rows = await db.rows<Record<string, unknown>>(sql`
    select s.token_hash, s.id as session_id, s.last_used_at, u.id as user_id, u.email, u.first_name, u.last_name${groups}
    from sessions s join users u on u.id = s.user_id
    where s.token_hash in (${hashes})`);
  const expired: number[] = [];
  const stale: number[] = [];
  for (const row of rows) {
    const sessionId = toId(row.session_id);
    const idleMs = now.getTime() - toDate(row.last_used_at).getTime();
    if (idleMs > limits.sessionIdleTtlMs) {
      expired.push(sessionId);
      continue;
    }
    if (idleMs > touchIntervalMs) stale.push(sessionId);
    const user = { user_id: toId(row.user_id), email: String(row.email), first_name: String(row.first_name), last_name: String(row.last_name) };
    const entry = { session: { sessionId, user }, groupIds: withGroups ? jsonColumn(groupIdList, row.group_ids) : [] };
    for (const token of byHash.get(String(row.token_hash)) ?? []) found.set(token, entry);
  }
  if (expired.length > 0) await db.orm.delete(sessions).where(inArray(sessions.id, expired));
  if (stale.length > 0) {
    await db.orm
      .update(sessions)
      .set({ lastUsedAt: now })
      .where(and(inArray(sessions.id, stale), lt(sessions.lastUsedAt, now)));
  }
  return found;
}

export async function deleteSession(db: Database, sessionId: number): Promise<void> {
  await db.orm.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Which of these sessions still exist (not logged out, not purged); their expiry is not slid. */
export async function existingSessions(db: Database, sessionIds: readonly number[]): Promise<Set<number>> {
  const rows = await db.orm.select({ id: sessions.id }).from(sessions).where(inArray(sessions.id, [...sessionIds]));
  return new Set(rows.map((row) => row.id));
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
