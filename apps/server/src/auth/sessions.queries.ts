import { limits, type SelfUser } from '@parley/shared';
import { and, desc, eq, gt, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { toDate, toId, type Database } from '../db/client.js';
import { hexLiteral, intLiteral } from '../db/literals.js';
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
  return (await findSessions(db, [token], now, false)).found.get(token)?.session ?? null;
}

/** A socket's session and the groups its user is a member of (the rooms it joins), in the same round trip. */
export async function findSocketSession(db: Database, token: string, now: Date): Promise<SocketSession | null> {
  return (await findSessions(db, [token], now, true)).found.get(token) ?? null;
}

export interface SocketSession {
  session: Session;
  groupIds: number[];
}


const idList = z.array(z.number().int());

export interface SessionsFound {
  /** The live sessions, by token; a token unknown or expired is absent. */
  found: Map<string, SocketSession>;
  /** Which of the sessions asked after by id still exist (their expiry is not slid). */
  existing: Set<number>;
}

/** The columns a session lookup reads; a statement that reads something else beside it keeps clear of these names. */
export function sessionLookup(hashes: SQL, withGroups: boolean): SQL {
  const groups = withGroups ? sql`, (select json_agg(gm.group_id) from group_members gm where gm.user_id = u.id) as group_ids` : sql``;
  return sql`
    select s.token_hash, s.id as session_id, s.last_used_at, u.id as user_id, u.email, u.first_name, u.last_name${groups}
    from sessions s join users u on u.id = s.user_id
    where ${hashes}`;
}

/** The lookup of one token's session, for a statement of its own (`auth/session-with-read.ts`). */
export function sessionLookupOf(token: string): SQL {
  return sessionLookup(sql`s.token_hash = ${hexLiteral(hashToken(token))}`, false);
}

/** What a lookup's rows say: the live sessions, and the sessions to delete (expired) or touch (stale). */
export interface LookedUp {
  live: { row: Record<string, unknown>; entry: SocketSession }[];
  expired: number[];
  stale: number[];
}

export function readSessionRows(rows: readonly Record<string, unknown>[], now: Date, withGroups: boolean): LookedUp {
  const looked: LookedUp = { live: [], expired: [], stale: [] };
  for (const row of rows) {
    if (row.session_id === null || row.session_id === undefined) continue;
    const sessionId = toId(row.session_id);
    const idleMs = now.getTime() - toDate(row.last_used_at).getTime();
    if (idleMs > limits.sessionIdleTtlMs) {
      looked.expired.push(sessionId);
      continue;
    }
    if (idleMs > touchIntervalMs) looked.stale.push(sessionId);
    const user = { user_id: toId(row.user_id), email: String(row.email), first_name: String(row.first_name), last_name: String(row.last_name) };
    looked.live.push({ row, entry: { session: { sessionId, user }, groupIds: withGroups ? jsonColumn(idList, row.group_ids) : [] } });
  }
  return looked;
}

/** Expired sessions are deleted and stale ones touched (sliding their expiry), each in one statement for all of them. */
export async function settleSessions(db: Database, looked: LookedUp, now: Date): Promise<void> {
  if (looked.expired.length > 0) await db.orm.delete(sessions).where(inArray(sessions.id, looked.expired));
  if (looked.stale.length > 0) {
    await db.orm
      .update(sessions)
      .set({ lastUsedAt: now })
      .where(and(inArray(sessions.id, looked.stale), lt(sessions.lastUsedAt, now)));
  }
}

/**
 * The live sessions of several tokens in one statement (the requests and handshakes that arrive
 * together, `auth/session-lookups.ts`), and, in the same statement, which of `checks` (sessions
 * of sockets that have just joined their rooms) still exist.
 */
export async function findSessions(
  db: Database,
  tokens: readonly string[],
  now: Date,
  withGroups: boolean,
  checks: readonly number[] = [],
): Promise<SessionsFound> {
  const found = new Map<string, SocketSession>();
  const existing = new Set<number>();
  if (tokens.length === 0 && checks.length === 0) return { found, existing };
  const byHash = new Map<string, string[]>();
  for (const token of tokens) {
    const hash = hashToken(token);
    byHash.set(hash, [...(byHash.get(hash) ?? []), token]);
  }
  const hashes = byHash.size > 0 ? sql`s.token_hash in (${sql.join([...byHash.keys()].map(hexLiteral), sql`, `)})` : sql`false`;
  const lookup = sessionLookup(hashes, withGroups);
  // The checks ride along as a column of a one-row outer query, so they come back even when no
  // token matched (its lookup columns are then null).
  const rows = await db.rows<Record<string, unknown>>(
    checks.length === 0
      ? lookup
      : sql`
    select e.existing, f.* from
      (select coalesce(json_agg(id), '[]'::json) as existing from sessions
        where id in (${sql.join(checks.map(intLiteral), sql`, `)})) e
      left join lateral (${lookup}) f on true`,
  );
  if (checks.length > 0 && rows[0]) for (const id of jsonColumn(idList, rows[0].existing)) existing.add(id);
  const looked = readSessionRows(rows, now, withGroups);
  for (const { row, entry } of looked.live) {
    for (const token of byHash.get(String(row.token_hash)) ?? []) found.set(token, entry);
  }
  await settleSessions(db, looked, now);
  return { found, existing };
}

export async function deleteSession(db: Database, sessionId: number): Promise<void> {
  await db.orm.delete(sessions).where(eq(sessions.id, sessionId));
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
