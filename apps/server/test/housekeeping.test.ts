import { limits } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { expiredLinkMemoryMs, purgeExpired } from '../src/housekeeping/purge-expired.js';
import { call, signUp, uniqueEmail } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, waitForDisconnect } from './support/sockets.js';

// Its own database: a purge with the clock moved forward would sweep other files' sessions.
const server = useServer();

function register(email: string) {
  return call(server(), 'POST', '/register', {
    body: { email, password: 'a good password', first_name: 'Ada', last_name: 'Lovelace' },
  });
}

async function withClockMoved<T>(ms: number, work: () => Promise<T>): Promise<T> {
  server().clock.advance(ms);
  try {
    return await work();
  } finally {
    server().clock.advance(-ms);
  }
}

describe('housekeeping', () => {
  it('an expired link still answers 410 after a purge within a week of its expiry', async () => {
    const email = uniqueEmail();
    await register(email);
    const token = server().mail.linkTokenFor(email);
    await withClockMoved(limits.registrationLinkTtlMs + expiredLinkMemoryMs - 60_000, async () => {
      await purgeExpired({ db: server().db, io: server().app.io }, server().clock.now());
      expect((await call(server(), 'GET', `/register/${token}`)).status).toBe(410);
    });
  });

  it('a link a week past its expiry is deleted and then answers 404', async () => {
    const email = uniqueEmail();
    await register(email);
    const token = server().mail.linkTokenFor(email);
    await withClockMoved(limits.registrationLinkTtlMs + expiredLinkMemoryMs + 60_000, async () => {
      const purged = await purgeExpired({ db: server().db, io: server().app.io }, server().clock.now());
      expect(purged.registrations).toBeGreaterThanOrEqual(1);
      expect((await call(server(), 'GET', `/register/${token}`)).status).toBe(404);
    });
  });

  it('removes sessions idle for 30 days and keeps the ones in use', async () => {
    const idle = await signUp(server());
    await withClockMoved(limits.sessionIdleTtlMs + 60_000, async () => {
      const active = await signUp(server());
      const purged = await purgeExpired({ db: server().db, io: server().app.io }, server().clock.now());
      expect(purged.sessions).toBeGreaterThanOrEqual(1);
      const headers = (token: string) => ({ headers: { authentication: token } });
      expect((await call(server(), 'GET', '/notifications', headers(active.token))).status).toBe(200);
      expect((await call(server(), 'GET', '/notifications', headers(idle.token))).status).toBe(401);
    });
  });

  it('closes the open sockets of a purged session for good, and keeps those of sessions in use', async () => {
    const idle = await signUp(server());
    const idleSocket = await connect(server().url, idle.token);
    await withClockMoved(limits.sessionIdleTtlMs + 60_000, async () => {
      const active = await signUp(server());
      const activeSocket = await connect(server().url, active.token);
      const closed = waitForDisconnect(idleSocket);
      await purgeExpired({ db: server().db, io: server().app.io }, server().clock.now());
      expect(await closed).toBe('io server disconnect');
      expect(activeSocket.connected).toBe(true);
    });
  });
});
