import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsResponseSchema, type SelfUser } from '@parley/shared';
import { Connection, createParleyApi, realTimers, socketIoFactory } from '@parley/shared/client';
import { desktopUserAgent, withUserAgent } from '../../src/main/connection/user-agent.js';
import { AuthService } from '../../src/main/session/auth-service.js';
import { SettingsStore } from '../../src/main/session/settings-store.js';
import { TokenStore } from '../../src/main/session/token-store.js';
import { RealServer } from '../support/real-server.js';
import { FakeCipher } from './fakes/fake-cipher.js';

// The main process's session pieces, wired as services.ts wires them, against the real server:
// a session ended from another device takes this one back to sign-in and deletes its token.
let server: RealServer;
let dir: string;
let elsewhere: { token: string; user: SelfUser };

beforeAll(async () => {
  server = await RealServer.start();
  elsewhere = await server.signUp('Dana');
  dir = await mkdtemp(join(tmpdir(), 'parley-revoked-'));
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (check()) return resolve();
      if (Date.now() - started > ms) return reject(new Error('timed out'));
      setTimeout(poll, 20);
    };
    poll();
  });
}

async function sessionsOf(token: string) {
  const response = await fetch(`${server.url}/sessions`, { headers: { authentication: token } });
  return sessionsResponseSchema.parse(await response.json()).sessions;
}

describe('a session revoked elsewhere', () => {
  it('DELETE /sessions/{id} from another device signs the desktop out: back to sign-in, token deleted', async () => {
    const tokens = new TokenStore(join(dir, 'session.bin'), new FakeCipher());
    const settings = new SettingsStore(join(dir, 'settings.json'));
    const events: string[] = [];
    let auth: AuthService | null = null;
    const api = createParleyApi({
      fetch: withUserAgent(fetch, desktopUserAgent('1.2.3', 'linux')),
      baseUrl: () => server.url,
      token: () => tokens.current(),
      onUnauthorized: () => void auth?.endLocally(),
    });
    const connection = new Connection({ socketFactory: socketIoFactory, timers: realTimers, random: () => 0.5, policy: { baseMs: 100, maxMs: 400, jitter: 0 } });
    auth = new AuthService({
      api,
      tokens,
      settings,
      serverUrl: () => server.url,
      serverReady: async () => undefined,
      signedIn: (url, token) => {
        events.push('in');
        connection.start(url, token);
      },
      signedOut: () => {
        events.push('out');
        connection.stop();
      },
    });
    connection.onSessionExpired(() => void auth?.endLocally());
    try {
      const login = await auth.login({ email: elsewhere.user.email, password: 'correct horse battery' });
      expect(login.ok).toBe(true);
      await waitFor(() => connection.state.status === 'connected');

      const desktop = (await sessionsOf(elsewhere.token)).find((s) => !s.current);
      expect(desktop?.client).toBe('Parley desktop on Linux');
      const ended = await fetch(`${server.url}/sessions/${desktop!.session_id}`, { method: 'DELETE', headers: { authentication: elsewhere.token } });
      expect(ended.status).toBe(200);

      await waitFor(() => events.includes('out'));
      expect(connection.state).toEqual({ status: 'signed_out' });
      expect(tokens.current()).toBeNull();
      expect(await new TokenStore(join(dir, 'session.bin'), new FakeCipher()).load()).toBeNull();
      expect((await settings.read()).user).toBeNull();
      expect(events.filter((e) => e === 'out')).toHaveLength(1);
      // The other device is untouched.
      expect((await sessionsOf(elsewhere.token)).length).toBe(1);
    } finally {
      connection.stop();
    }
  }, 30_000);
});
