import type DataLoader from 'dataloader';
import type { AppContext } from '../context.js';
import { busyBatches } from '../db/busy-batches.js';
import { findSessions, type Session, type SocketSession } from './sessions.queries.js';

/** A handshake's token, or the session of a socket that has just joined its rooms. */
type SocketAsk = { token: string } | { sessionId: number };

interface SessionLookups {
  request: DataLoader<string, Session | null>;
  socket: DataLoader<SocketAsk, SocketSession | boolean | null>;
}

const lookups = new WeakMap<AppContext, SessionLookups>();

function lookupsOf(ctx: AppContext): SessionLookups {
  let found = lookups.get(ctx);
  if (!found) {
    // PGlite runs one statement at a time: a second batch in flight would only wait there, and
    // gather nothing meanwhile. On PostgreSQL a few in flight keep the pool busy.
    const concurrency = ctx.db.poolSize > 1 ? 3 : 1;
    const request = busyBatches<string, Session | null>(
      async (tokens) => {
        const sessions = await findSessions(ctx.db, tokens, ctx.clock.now(), false);
        return tokens.map((token) => sessions.found.get(token)?.session ?? null);
      },
      { concurrency },
    );
    // A connect storm is a handshake and a check per socket: both kinds share each statement.
    const socket = busyBatches<SocketAsk, SocketSession | boolean | null>(
      async (asks) => {
        const tokens = asks.flatMap((ask) => ('token' in ask ? [ask.token] : []));
        const checks = asks.flatMap((ask) => ('sessionId' in ask ? [ask.sessionId] : []));
        const sessions = await findSessions(ctx.db, tokens, ctx.clock.now(), true, checks);
        return asks.map((ask) => ('token' in ask ? (sessions.found.get(ask.token) ?? null) : sessions.existing.has(ask.sessionId)));
      },
      { concurrency },
    );
    found = { request, socket };
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
export async function socketSessionOfToken(ctx: AppContext, token: string): Promise<SocketSession | null> {
  const found = await lookupsOf(ctx).socket.load({ token });
  return typeof found === 'boolean' ? null : found;
}

/**
 * Whether a session still exists, asked once per new socket after it joined its rooms (a logout
 * in between disconnected them before it was there); its expiry is not slid. Batched with the
 * handshakes.
 */
export async function sessionStillExists(ctx: AppContext, sessionId: number): Promise<boolean> {
  return (await lookupsOf(ctx).socket.load({ sessionId })) === true;
}
