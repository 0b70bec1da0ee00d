import type DataLoader from 'dataloader';
import type { AppContext } from '../context.js';
import { busyBatches } from '../db/busy-batches.js';
import { findSessions, type Session, type SocketSession } from './sessions.queries.js';

interface SessionLookups {
  request: DataLoader<string, Session | null>;
  socket: DataLoader<string, SocketSession | null>;
}

const lookups = new WeakMap<AppContext, SessionLookups>();

function lookupsOf(ctx: AppContext): SessionLookups {
  let found = lookups.get(ctx);
  if (!found) {
    // PGlite runs one statement at a time: a second batch in flight would only wait there, and
    // gather nothing meanwhile. On PostgreSQL a few in flight keep the pool busy.
    const concurrency = ctx.db.poolSize > 1 ? 3 : 1;
    const loader = <V>(pick: (found: SocketSession | undefined) => V | null, withGroups: boolean) =>
      busyBatches<string, V | null>(
        async (tokens) => {
          const sessions = await findSessions(ctx.db, tokens, ctx.clock.now(), withGroups);
          return tokens.map((token) => pick(sessions.get(token)));
        },
        { concurrency },
      );
    found = {
      request: loader((s) => s?.session ?? null, false),
      socket: loader((s) => s ?? null, true),
    };
    lookups.set(ctx, found);
  }
  return found;
}

/**
 * A token's live session for a REST request. The lookups of requests arriving together go out as
 * one statement (a desktop fleet back from sleep, everyone opening a group at once).
 */
export function sessionOfToken(ctx: AppContext, token: string): Promise<Session | null> {
  return lookupsOf(ctx).request.load(token);
}

/** A handshake's session and its user's groups, batched like `sessionOfToken`. */
export function socketSessionOfToken(ctx: AppContext, token: string): Promise<SocketSession | null> {
  return lookupsOf(ctx).socket.load(token);
}
