import type { ExtendedError } from 'socket.io';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { ParleySocket } from '../src/context.js';
import { call, signUp } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, sleep, waitForDisconnect, type ClientSocket } from './support/sockets.js';

const server = useServer();

/** Runs `during` for the next handshake, after the server found its session and before it joins rooms. */
function betweenHandshakeAndJoin(during: () => Promise<unknown>): void {
  let armed = true;
  server().app.io.use((_socket: ParleySocket, next: (error?: ExtendedError) => void) => {
    if (!armed) {
      next();
      return;
    }
    armed = false;
    void during().then(() => next());
  });
}

describe('a session that ends', () => {
  it('a socket whose session is logged out while it connects is disconnected once it has joined', async () => {
    const me = await signUp(server());
    betweenHandshakeAndJoin(() => call(server(), 'GET', '/logout', { token: me.token }));
    const socket = await connect(server().url, me.token);
    expect(await waitForDisconnect(socket)).toMatch(/^(io server disconnect|already disconnected)$/);
  });

  it("logout's disconnect is final for a stock client: it does not reconnect", async () => {
    const me = await signUp(server());
    const socket: ClientSocket = io(server().url, { auth: { token: me.token }, transports: ['websocket'], forceNew: true });
    try {
      await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
      let attempts = 0;
      socket.io.on('reconnect_attempt', () => (attempts += 1));
      const closed = waitForDisconnect(socket);
      await call(server(), 'GET', '/logout', { token: me.token });
      expect(await closed).toBe('io server disconnect');
      // Longer than the client's first reconnection delay (1 s by default, with jitter).
      await sleep(1_800);
      expect(attempts).toBe(0);
      expect(socket.connected).toBe(false);
    } finally {
      socket.disconnect();
    }
  });
});
