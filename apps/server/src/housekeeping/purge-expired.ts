import { limits } from '@parley/shared';
import { lt } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { pendingRegistrations, sessions } from '../db/schema/index.js';

/**
 * An expired link keeps answering 410 ("ask for a new one") for this long after it expired; then
 * its pending registration, password hash included, is deleted and the link answers 404.
 */
export const expiredLinkMemoryMs = 7 * 24 * 60 * 60 * 1000;

export interface Purged {
  registrations: number;
  sessions: number;
}

/** Deletes what can never be used again: long-expired links and sessions idle past their expiry. */
export async function purgeExpired(db: Database, now: Date): Promise<Purged> {
  const registrations = await db.orm
    .delete(pendingRegistrations)
    .where(lt(pendingRegistrations.expiresAt, new Date(now.getTime() - expiredLinkMemoryMs)))
    .returning({ id: pendingRegistrations.id });
  const idleSessions = await db.orm
    .delete(sessions)
    .where(lt(sessions.lastUsedAt, new Date(now.getTime() - limits.sessionIdleTtlMs)))
    .returning({ id: sessions.id });
  return { registrations: registrations.length, sessions: idleSessions.length };
}
