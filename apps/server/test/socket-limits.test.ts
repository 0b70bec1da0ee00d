import { describe, expect, it } from 'vitest';
import { signUp } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, nextEvent, send, waitForDisconnect } from './support/sockets.js';

const server = useServer({ env: { ALLOWED_ORIGINS: 'https://chat.example.org' } });

describe('socket limits and handshake', () => {
  it('a socket payload over 64 KiB closes only that socket', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const big = await connect(server().url, ada.token);
    const bystander = await connect(server().url, bob.token);
    const closed = waitForDisconnect(big);
    big.emit('message', { chat_type: 'room', other_user_id: bob.user.user_id, message: 'x'.repeat(70 * 1024) });
    await closed;
    const arrived = nextEvent(bystander, 'message');
    const adaAgain = await connect(server().url, ada.token);
    expect(await send(adaAgain, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'still fine' })).toMatchObject({
      ok: true,
    });
    expect(await arrived).toMatchObject({ message: 'still fine' });
  });

  it('a handshake from a foreign origin is refused, over websocket and polling', async () => {
    const ada = await signUp(server());
    for (const transport of ['websocket', 'polling'] as const) {
      await expect(
        connect(server().url, ada.token, { transports: [transport], extraHeaders: { origin: 'https://evil.example.com' } }),
      ).rejects.toBeTruthy();
    }
  });

  it('a handshake from an allowed origin or with no origin succeeds', async () => {
    const ada = await signUp(server());
    const allowed = await connect(server().url, ada.token, { extraHeaders: { origin: 'https://chat.example.org' } });
    expect(allowed.connected).toBe(true);
    const own = await connect(server().url, ada.token, {
      transports: ['polling'],
      extraHeaders: { origin: new URL(server().url).origin },
    });
    expect(own.connected).toBe(true);
  });

  it('the heartbeat drops a silent socket within 60 s', () => {
    const { pingInterval, pingTimeout } = server().app.io.engine.opts;
    expect((pingInterval ?? Infinity) + (pingTimeout ?? Infinity)).toBeLessThanOrEqual(60_000);
  });

  it('a token in the Authorization header of the handshake is accepted too', async () => {
    const ada = await signUp(server());
    const socket = await connect(server().url, undefined, {
      transports: ['polling'],
      extraHeaders: { authorization: `Bearer ${ada.token}` },
    });
    expect(socket.connected).toBe(true);
  });
});
