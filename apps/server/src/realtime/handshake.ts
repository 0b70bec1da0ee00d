import { handshakeErrorCode, handshakeUnavailableCode } from '@parley/shared';
import type { ExtendedError } from 'socket.io';
import { socketSessionOfToken } from '../auth/session-lookups.js';
import { tokenFromHeaders } from '../auth/token-header.js';
import type { AppContext, ParleySocket } from '../context.js';
import { describeError } from '../http/errors.js';
import { prepareGroupRooms } from './prepared-rooms.js';

function refusal(message: string): ExtendedError {
  const error: ExtendedError = new Error(message);
  error.data = { code: handshakeErrorCode, message };
  return error;
}

/**
 * A handshake that failed for a reason other than the token. Clients sign out on
 * `unauthorized` alone, so a database hiccup must never be answered with it.
 */
export function unavailableRefusal(message: string): ExtendedError {
  const error: ExtendedError = new Error(message);
  error.data = { code: handshakeUnavailableCode, message };
  return error;
}

/** The seed's init message is the handshake: `io(url, { auth: { token } })`. */
export function handshakeAuth(ctx: AppContext) {
  return async (socket: ParleySocket, next: (error?: ExtendedError) => void) => {
    try {
      const auth: unknown = socket.handshake.auth;
      const fromAuth = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
      // The protocol's way is `auth.token`; a client that can only set headers may use those.
      const token = typeof fromAuth === 'string' && fromAuth ? fromAuth : tokenFromHeaders(socket.handshake.headers);
      const found = typeof token === 'string' && token ? await socketSessionOfToken(ctx, token) : null;
      if (!found) {
        next(refusal('Log in first: the token is missing, revoked or expired.'));
        return;
      }
      const { session, groupIds } = found;
      socket.data = { userId: session.user.user_id, sessionId: session.sessionId, user: session.user };
      prepareGroupRooms(socket, groupIds);
      next();
    } catch (error) {
      ctx.logger.error({ err: describeError(error) }, 'handshake failed');
      next(unavailableRefusal('The server could not check the token right now; keep it and try again.'));
    }
  };
}
