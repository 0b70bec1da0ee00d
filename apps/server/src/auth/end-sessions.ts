import { socketRooms } from '@parley/shared';
import type { AppContext } from '../context.js';

/**
 * Disconnects, on every node, the sockets of sessions already deleted: as on logout, a stock
 * client does not reconnect after a server-side disconnect, and its token no longer works.
 */
export function disconnectSessions(ctx: Pick<AppContext, 'io'>, sessionIds: readonly number[]): void {
  if (sessionIds.length === 0) return;
  ctx.io.in(sessionIds.map((id) => socketRooms.session(String(id)))).disconnectSockets(true);
}
