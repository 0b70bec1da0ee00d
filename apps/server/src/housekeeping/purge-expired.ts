import { limits, socketRooms } from '@parley/shared';
import { lt } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { passwordResets, pendingRegistrations, sessions } from '../db/schema/index.js';

/**
 * An expired link keeps answering 410 ("ask for a new one") for this long after it expired; then
 * its pending registration, password hash included, is deleted and the link answers 404.
 */
export const expiredLinkMemoryMs = 7 * 24 * 60 * 60 * 1000;

export interface Purged {
  registrations: number;
  passwordResets: number;
  sessions: number;
}

/**
 * Deletes what can never be used again: long-expired links and sessions idle past their expiry.
 * A purged session's sockets are closed for good, as on logout: their token no longer works.
 */
export async function purgeExpired(ctx: Pick<AppContext, 'db' | 'io'>, now: Date): Promise<Purged> {
  const registrations = await ctx.db.orm
    .delete(pendingRegistrations)
    .where(lt(pendingRegistrations.expiresAt, new Date(now.getTime() - expiredLinkMemoryMs)))
    .returning({ id: pendingRegistrations.id });
  const resets = await ctx.db.orm
    .delete(passwordResets)
    .where(lt(passwordResets.expiresAt, new Date(now.getTime() - expiredLinkMemoryMs)))
    .returning({ id: passwordResets.id });
  const idleSessions = await ctx.db.orm
    .delete(sessions)
    .where(lt(sessions.lastUsedAt, new Date(now.getTime() - limits.sessionIdleTtlMs)))
    .returning({ id: sessions.id });
  for (const { id } of idleSessions) ctx.io.in(socketRooms.session(String(id))).disconnectSockets(true);
  return { registrations: registrations.length, passwordResets: resets.length, sessions: idleSessions.length };
}
