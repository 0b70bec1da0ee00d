import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '@parley/shared/ipc';
import type { HostRequest } from '../../src/main/host/local-host.js';
import { desktopUserAgent } from '../../src/main/connection/user-agent.js';
import { AccountService } from '../../src/main/session/account-service.js';
import { AuthService } from '../../src/main/session/auth-service.js';
import { ServerService } from '../../src/main/session/server-service.js';
import { SettingsStore } from '../../src/main/session/settings-store.js';
import { TokenStore } from '../../src/main/session/token-store.js';
import { FakeCipher } from './fakes/fake-cipher.js';

const ada = { user_id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' };
const down = { ok: false, error: { code: 'internal', message: 'The server could not be reached.' } } as const;

let dir: string;
let settings: SettingsStore;
let tokens: TokenStore;
let events: string[];
let notificationsAnswer: Result<{ notifications: []; total_unread: number }>;

const api = {
  register: vi.fn(async () => ({ ok: true as const, value: { status: 'confirmation_sent' as const } })),
  login: vi.fn(async () => ({ ok: true as const, value: { token: 'tok_1', user: ada } })),
  logout: vi.fn(async () => ({ ok: true as const, value: { status: 'logged_out' as const } })),
  notifications: vi.fn(async () => notificationsAnswer),
  requestPasswordReset: vi.fn(async () => ({ ok: true as const, value: { status: 'reset_sent' as const } })),
};

let auth: AuthService;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-services-'));
  settings = new SettingsStore(join(dir, 'settings.json'));
  tokens = new TokenStore(join(dir, 'session.bin'), new FakeCipher());
  events = [];
  notificationsAnswer = { ok: true, value: { notifications: [], total_unread: 0 } };
  vi.clearAllMocks();
  auth = new AuthService({
    api,
    tokens,
    settings,
    serverUrl: () => 'http://127.0.0.1:4100',
    serverReady: async () => undefined,
    signedIn: (url, token, user) => events.push(`in:${url}:${token}:${user.user_id}`),
    signedOut: () => events.push('out'),
  });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sign-in', () => {
  it('login stores the token, remembers the user and opens the connection', async () => {
    expect(await auth.login({ email: ada.email, password: 'pw' })).toEqual({ ok: true, value: ada });
    expect(await new TokenStore(join(dir, 'session.bin'), new FakeCipher()).load()).toBe('tok_1');
    expect(events).toEqual(['in:http://127.0.0.1:4100:tok_1:1']);
  });

  it('the token is never part of what the renderer receives', async () => {
    const answer = await auth.login({ email: ada.email, password: 'pw' });
    expect(JSON.stringify(answer)).not.toContain('tok_1');
  });

  it('a failed login stores nothing', async () => {
    api.login.mockResolvedValueOnce({ ok: false, error: { code: 'invalid_credentials', message: 'No.' } } as never);
    expect(await auth.login({ email: ada.email, password: 'bad' })).toMatchObject({ ok: false });
    expect(tokens.current()).toBeNull();
    expect(events).toEqual([]);
  });

  it('a stored session the server still honours is resumed after a restart', async () => {
    await auth.login({ email: ada.email, password: 'pw' });
    const restarted = new AuthService({
      api,
      tokens: new TokenStore(join(dir, 'session.bin'), new FakeCipher()),
      settings: new SettingsStore(join(dir, 'settings.json')),
      serverUrl: () => 'http://127.0.0.1:4100',
      serverReady: async () => undefined,
      signedIn: () => events.push('resumed'),
      signedOut: () => events.push('out'),
    });
    expect(await restarted.session()).toEqual({ ok: true, value: ada });
    expect(events.at(-1)).toBe('resumed');
  });

  it('a revoked stored session signs out', async () => {
    await auth.login({ email: ada.email, password: 'pw' });
    notificationsAnswer = { ok: false, error: { code: 'unauthorized', message: 'Sign in.' } };
    expect(await auth.session()).toEqual({ ok: true, value: null });
    expect(tokens.current()).toBeNull();
    expect(events.at(-1)).toBe('out');
  });

  it('an unreachable server keeps the session (the connection keeps trying)', async () => {
    await auth.login({ email: ada.email, password: 'pw' });
    notificationsAnswer = down;
    expect(await auth.session()).toEqual({ ok: true, value: ada });
  });

  it("a server whose database is down (503 unavailable) keeps the session and the token", async () => {
    await auth.login({ email: ada.email, password: 'pw' });
    notificationsAnswer = { ok: false, error: { code: 'unavailable', message: 'Try again.' } };
    expect(await auth.session()).toEqual({ ok: true, value: ada });
    expect([tokens.current(), events.includes('out')]).toEqual(['tok_1', false]);
  });

  it('reasons to sign out that arrive together end the session once', async () => {
    await auth.login({ email: ada.email, password: 'pw' });
    await Promise.all([auth.endLocally(), auth.endLocally(), auth.logout()]);
    expect([events.filter((e) => e === 'out').length, tokens.current(), (await settings.read()).user]).toEqual([1, null, null]);
  });

  it('logout revokes the token on the server and forgets it here', async () => {
    await auth.login({ email: ada.email, password: 'pw' });
    expect(await auth.logout()).toEqual({ ok: true, value: null });
    expect(api.logout).toHaveBeenCalledOnce();
    expect(tokens.current()).toBeNull();
    expect((await settings.read()).user).toBeNull();
    expect(events.at(-1)).toBe('out');
  });

  it('says whether a sign-in outlasts this run: not without a real keyring', async () => {
    expect(auth.keepsSignIn()).toEqual({ ok: true, value: true });
    const noKeyring = new AuthService({
      api,
      tokens: new TokenStore(join(dir, 'session.bin'), new FakeCipher(true, 'basic_text')),
      settings,
      serverUrl: () => 'http://127.0.0.1:4100',
      serverReady: async () => undefined,
      signedIn: () => undefined,
      signedOut: () => undefined,
    });
    expect(noKeyring.keepsSignIn()).toEqual({ ok: true, value: false });
  });

  it('logout with the server down still signs out here', async () => {
    await auth.login({ email: ada.email, password: 'pw' });
    api.logout.mockResolvedValueOnce(down as never);
    expect(await auth.logout()).toEqual({ ok: true, value: null });
    expect(tokens.current()).toBeNull();
  });
});

describe('account', () => {
  it('my new names are remembered for the next start; someone else\'s are not', async () => {
    await auth.login({ email: ada.email, password: 'pw' });
    await auth.rememberSelf({ user_id: 2, first_name: 'Bob', last_name: 'B' });
    expect((await settings.read()).user).toEqual(ada);
    await auth.rememberSelf({ user_id: 1, first_name: 'Augusta', last_name: 'King' });
    expect((await settings.read()).user).toEqual({ ...ada, first_name: 'Augusta', last_name: 'King' });
    expect(auth.self).toEqual({ ...ada, first_name: 'Augusta', last_name: 'King' });
  });

  it('a rename arriving after a sign-out writes nothing', async () => {
    await auth.login({ email: ada.email, password: 'pw' });
    await auth.logout();
    await auth.rememberSelf({ user_id: 1, first_name: 'Augusta', last_name: 'King' });
    expect((await settings.read()).user).toBeNull();
  });

  it('saving names through the account service returns the user and remembers it', async () => {
    const remembered: unknown[] = [];
    const user = { ...ada, first_name: 'Augusta' };
    const account = new AccountService({
      api: {
        changePassword: vi.fn(),
        sessions: vi.fn(),
        endSession: vi.fn(),
        updateMe: vi.fn(async () => ({ ok: true as const, value: { user } })),
      },
      rememberSelf: async (u) => void remembered.push(u),
    });
    expect(await account.updateMe({ first_name: 'Augusta', last_name: 'Lovelace' })).toEqual({ ok: true, value: user });
    expect(remembered).toEqual([user]);
  });

  it('the desktop names itself in its User-Agent', () => {
    expect(desktopUserAgent('1.2.3', 'win32')).toBe('Parley-desktop/1.2.3 (Windows)');
    expect(desktopUserAgent('1.2.3', 'darwin')).toBe('Parley-desktop/1.2.3 (macOS)');
  });
});

describe('server choice', () => {
  let changed: (string | null)[];
  let hostStops: number;
  let server: ServerService;
  let starts: HostRequest[];
  const hosted = { port: 4100, url: 'http://127.0.0.1:4100', shared: false, shareUrls: [] as string[] };
  const sharedUrls = ['http://192.168.1.20:4100'];

  beforeEach(() => {
    changed = [];
    hostStops = 0;
    starts = [];
    let running: typeof hosted | null = null;
    server = new ServerService({
      settings,
      checkHealth: async (url) => (url.includes('good') ? { ok: true, value: 'https://good.example' } : { ok: false, error: { code: 'not_found', message: 'No.' } }),
      host: {
        start: async (request) => {
          starts.push(request);
          const shared = request.shareOnNetwork;
          running = { ...hosted, port: request.preferredPort ?? hosted.port, shared, shareUrls: shared ? sharedUrls : [] };
          return { ok: true, value: running };
        },
        stop: async () => {
          hostStops++;
          running = null;
        },
        get current() {
          return running;
        },
      },
      readOutbox: async () => [{ to: 'a@b.co', link: 'http://192.168.1.20:4100/register/x', sentAt: '2026-11-24T09:30:00.000Z' }],
      onServerChanged: async (url) => void changed.push(url),
    });
  });

  it('first run has no server', async () => {
    expect(await server.current()).toEqual({ ok: true, value: null });
  });

  it('a window asking before the remembered server is restored waits for it instead of seeing a first run', async () => {
    await settings.update({ server: { mode: 'host', url: 'http://127.0.0.1:4100', shared: false, shareUrls: [] }, hostPort: 4100 });
    let finishStart: () => void = () => undefined;
    const slow = new ServerService({
      settings: new SettingsStore(join(dir, 'settings.json')),
      checkHealth: async () => down,
      host: {
        start: () => new Promise((resolve) => (finishStart = () => resolve({ ok: true, value: { ...hosted, port: 4100 } }))),
        stop: async () => undefined,
        current: null,
      },
      readOutbox: async () => [],
      onServerChanged: async () => undefined,
    });
    void slow.restore();
    let answered = false;
    const asked = slow.current().then((result) => ((answered = true), result));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    finishStart();
    expect(await asked).toEqual({ ok: true, value: { mode: 'host', url: hosted.url, shared: false, shareUrls: [] } });
  });

  it('a hosted server that cannot start again does not stop the app from starting', async () => {
    await settings.update({ server: { mode: 'host', url: 'http://127.0.0.1:4100', shared: false, shareUrls: [] }, hostPort: 4100 });
    const failing = new ServerService({
      settings: new SettingsStore(join(dir, 'settings.json')),
      checkHealth: async () => down,
      host: {
        start: async () => {
          throw new Error('no free port');
        },
        stop: async () => undefined,
        current: null,
      },
      readOutbox: async () => [],
      onServerChanged: async () => undefined,
    });
    expect(await failing.restore()).toMatchObject({ mode: 'host' });
  });

  it('joining a healthy server remembers it', async () => {
    expect(await server.join('https://good.example/chat')).toEqual({ ok: true, value: { mode: 'remote', url: 'https://good.example' } });
    expect((await new SettingsStore(join(dir, 'settings.json')).read()).server).toEqual({ mode: 'remote', url: 'https://good.example' });
    expect(changed).toEqual(['https://good.example']);
  });

  it('joining a server that does not answer remembers nothing', async () => {
    expect(await server.join('https://bad.example')).toMatchObject({ ok: false });
    expect(server.url).toBeNull();
  });

  it('hosting is for this computer only until the user chooses to share it, and remembers the port', async () => {
    expect(await server.host()).toEqual({ ok: true, value: { mode: 'host', url: hosted.url, shared: false, shareUrls: [] } });
    expect(starts).toEqual([{ preferredPort: null, shareOnNetwork: false }]);
    expect((await settings.read()).hostPort).toBe(4100);
  });

  it('letting the network join restarts the hosted server on the same port and answers the addresses to share', async () => {
    await server.host();
    expect(await server.setSharing(true)).toEqual({ ok: true, value: { mode: 'host', url: hosted.url, shared: true, shareUrls: sharedUrls } });
    expect(starts.at(-1)).toEqual({ preferredPort: 4100, shareOnNetwork: true });
    expect(changed).toEqual([hosted.url]); // the same server: the session stays
    expect(await server.setSharing(false)).toMatchObject({ ok: true, value: { shared: false, shareUrls: [] } });
    expect(starts.at(-1)).toEqual({ preferredPort: 4100, shareOnNetwork: false });
  });

  it('the choice to share is remembered for the next launch', async () => {
    await server.host();
    await server.setSharing(true);
    const next: HostRequest[] = [];
    const relaunched = new ServerService({
      settings: new SettingsStore(join(dir, 'settings.json')),
      checkHealth: async () => down,
      host: {
        start: async (request) => (next.push(request), { ok: true, value: { ...hosted, shared: request.shareOnNetwork, shareUrls: sharedUrls } }),
        stop: async () => undefined,
        current: null,
      },
      readOutbox: async () => [],
      onServerChanged: async () => undefined,
    });
    expect(await relaunched.restore()).toMatchObject({ mode: 'host', shared: true });
    expect(next).toEqual([{ preferredPort: 4100, shareOnNetwork: true }]);
  });

  it('sharing needs a server hosted here', async () => {
    expect(await server.setSharing(true)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await server.join('https://good.example');
    expect(await server.setSharing(true)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(starts).toEqual([]);
    expect((await settings.read()).shareOnNetwork).toBe(false);
  });

  it('a hosted server is started again at the next launch', async () => {
    await server.host();
    const next = new ServerService({
      settings: new SettingsStore(join(dir, 'settings.json')),
      checkHealth: async () => down,
      host: { start: async (request) => ({ ok: true, value: { ...hosted, port: request.preferredPort ?? 1 } }), stop: async () => undefined, current: null },
      readOutbox: async () => [],
      onServerChanged: async () => undefined,
    });
    expect(await next.restore()).toMatchObject({ mode: 'host', url: hosted.url });
  });

  it('only a hosted server has an outbox', async () => {
    expect(await server.outbox()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await server.host();
    expect(await server.outbox()).toMatchObject({ ok: true, value: [{ to: 'a@b.co' }] });
  });

  it('joining another server after hosting stops the hosted one', async () => {
    await server.host();
    await server.join('https://good.example');
    expect(hostStops).toBe(1);
  });

  it('forgetting the server ends the session and stops hosting', async () => {
    await server.host();
    expect(await server.forget()).toEqual({ ok: true, value: null });
    expect(changed.at(-1)).toBeNull();
    expect(hostStops).toBe(1);
    expect((await settings.read()).server).toBeNull();
  });
});
