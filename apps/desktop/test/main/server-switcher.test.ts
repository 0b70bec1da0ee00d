import { beforeEach, describe, expect, it } from 'vitest';
import type { ConversationRef, SelfUser } from '@parley/shared';
import type { Result, ServerChoice } from '@parley/shared/ipc';
import { ServerRegistry } from '../../src/main/servers/server-registry.js';
import { ServerSwitcher, type BackgroundSession, type WindowServer } from '../../src/main/servers/server-switcher.js';
import type { Settings } from '../../src/main/session/settings-store.js';

const ada: SelfUser = { user_id: 1, email: 'ada@a.example', first_name: 'Ada', last_name: 'Lovelace' };
const bob: SelfUser = { user_id: 1, email: 'bob@b.example', first_name: 'Bob', last_name: 'Builder' };
const A = 'https://a.example';
const B = 'https://b.example:8443';
const C = 'https://c.example';

/** The window's server and sign-in, in memory. */
class FakeWindow implements WindowServer {
  current: ServerChoice | null = null;
  currentToken: string | null = null;
  user: SelfUser | null = null;
  revoked: string[] = [];
  joins: string[] = [];
  hosting = 0;
  stoppedHosting = 0;
  choice = () => this.current;
  token = () => this.currentToken;
  self = () => this.user;
  release = async () => {
    this.currentToken = null;
    this.user = null;
  };
  adopt = async (choice: ServerChoice, token: string | null, user: SelfUser | null) => {
    this.current = choice;
    this.currentToken = token;
    this.user = user;
  };
  check = async (url: string): Promise<Result<string>> =>
    url.includes('down.example') ? { ok: false, error: { code: 'unavailable', message: 'No Parley server answers there.' } } : { ok: true, value: url.replace(/\/$/u, '') };
  join = async (url: string): Promise<Result<ServerChoice>> => {
    this.joins.push(url);
    await this.release();
    this.current = { mode: 'remote', url };
    return { ok: true, value: this.current };
  };
  logoutAndForget = async () => {
    if (this.currentToken) this.revoked.push(this.currentToken);
    await this.release();
    this.current = null;
  };
  keepHosting = async (): Promise<Result<ServerChoice>> => {
    this.hosting++;
    return { ok: true, value: { mode: 'host', url: 'http://127.0.0.1:4100', shared: false, shareUrls: [] } };
  };
  stopHosting = async () => {
    this.stoppedHosting++;
  };
  signIn(url: string, token: string, user: SelfUser) {
    this.current = { mode: 'remote', url };
    this.currentToken = token;
    this.user = user;
  }
}

/** A background session: where its token is, and what was asked of it. */
class FakeSession implements BackgroundSession {
  token: string | null = null;
  calls: string[] = [];
  constructor(
    private readonly stored: Map<string, string>,
    private readonly id: string,
  ) {}
  resume = async (user: SelfUser | null) => {
    this.calls.push(`resume:${user?.email ?? 'nobody'}`);
    this.token = this.stored.get(this.id) ?? null;
    return this.token !== null;
  };
  signIn = async (token: string) => {
    this.calls.push(`signIn:${token}`);
    this.token = token;
    this.stored.set(this.id, token);
  };
  take = async () => {
    this.calls.push('take');
    const token = this.token;
    this.token = null;
    this.stored.delete(this.id);
    return token;
  };
  logout = async () => {
    this.calls.push('logout');
    this.token = null;
    this.stored.delete(this.id);
  };
  userOfRoom = async () => undefined;
}

let registry: ServerRegistry;
let window: FakeWindow;
let settings: Settings;
let sessions: Map<string, FakeSession[]>;
let storedTokens: Map<string, string>;
let reloads: number;
let switcher: ServerSwitcher;

const latest = (id: string) => sessions.get(id)?.at(-1);
const make = () =>
  new ServerSwitcher({
    registry,
    window,
    settings: {
      read: async () => settings,
      update: async (change) => (settings = { ...settings, ...change }),
    },
    session: (entry) => {
      const session = new FakeSession(storedTokens, entry.id);
      sessions.set(entry.id, [...(sessions.get(entry.id) ?? []), session]);
      return session;
    },
    reload: () => reloads++,
    log: () => undefined,
  });

beforeEach(() => {
  registry = new ServerRegistry();
  window = new FakeWindow();
  settings = { server: null, user: null, hostPort: null, shareOnNetwork: false, otherServers: [], serverOrder: [] };
  sessions = new Map();
  storedTokens = new Map();
  reloads = 0;
  window.signIn(A, 'token-a', ada);
  switcher = make();
});

describe('several servers', () => {
  it('adding a server keeps the one on screen signed in behind and shows the new one, not signed in yet', async () => {
    await switcher.restore();
    const added = await switcher.add(`${B}/`);
    expect(added.ok).toBe(true);
    expect(window.current).toEqual({ mode: 'remote', url: B });
    expect(window.currentToken).toBeNull();
    expect(latest(A)?.calls).toEqual(['signIn:token-a']);
    expect(switcher.list().map((s) => [s.label, s.active])).toEqual([
      ['a.example', false],
      ['b.example:8443', true],
    ]);
    expect(settings.otherServers).toEqual([{ server: { mode: 'remote', url: A }, user: ada }]);
    expect(settings.serverOrder).toEqual([A, B]);
    expect(reloads).toBe(1);
    // Nobody was signed out by it.
    expect(window.revoked).toEqual([]);
  });

  it('switching hands the window’s sign-in to the background and takes the chosen one’s, keeping the order', async () => {
    await switcher.restore();
    await switcher.add(B);
    window.currentToken = 'token-b';
    window.user = bob;
    const back = await switcher.switchTo(A, null);
    expect(back.ok && back.value.map((s) => [s.id, s.active])).toEqual([
      [A, true],
      [B, false],
    ]);
    expect(window.current).toEqual({ mode: 'remote', url: A });
    expect([window.currentToken, window.user]).toEqual(['token-a', ada]);
    expect(latest(A)?.calls).toEqual(['signIn:token-a', 'take']);
    expect(latest(B)?.calls).toEqual(['signIn:token-b']);
    expect(storedTokens).toEqual(new Map([[B, 'token-b']]));
    expect(settings.otherServers).toEqual([{ server: { mode: 'remote', url: B }, user: bob }]);
    expect(reloads).toBe(2);
  });

  it('a switch asked with a conversation hands it to the window that loads next, once', async () => {
    await switcher.restore();
    await switcher.add(B);
    const group: ConversationRef = { kind: 'group', groupId: 7 };
    await switcher.switchTo(A, group);
    expect(switcher.takeOpening()).toEqual({ ok: true, value: group });
    expect(switcher.takeOpening()).toEqual({ ok: true, value: null });
  });

  it('a server it is not signed in to cannot be switched to, and nothing moves', async () => {
    await switcher.restore();
    expect(await switcher.switchTo(C, null)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(window.currentToken).toBe('token-a');
    expect(reloads).toBe(0);
  });

  it('a server that does not answer is not added, and the one on screen stays as it was', async () => {
    await switcher.restore();
    expect(await switcher.add('https://down.example')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect([window.current?.url, window.currentToken]).toEqual([A, 'token-a']);
    expect(switcher.list()).toHaveLength(1);
    expect(reloads).toBe(0);
  });

  it('adding the server on screen, or one behind, adds nothing twice', async () => {
    await switcher.restore();
    await switcher.add(B);
    await switcher.add(`${A}/`);
    expect(window.current?.url).toBe(A);
    expect(switcher.list()).toHaveLength(2);
    await switcher.add(A);
    expect(switcher.list()).toHaveLength(2);
  });

  it('every server’s unread messages are in the tray’s sum and in the switcher', async () => {
    await switcher.restore();
    await switcher.add(B);
    registry.setUnread(A, 3);
    registry.setUnread(B, 2);
    expect(registry.trayView().badgeCount).toBe(5);
    expect(switcher.list().map((s) => s.unread)).toEqual([3, 2]);
  });

  it('removing a server behind signs out of it there; the hosted server stops with it', async () => {
    window.current = { mode: 'host', url: 'http://127.0.0.1:4100', shared: false, shareUrls: [] };
    await switcher.restore();
    await switcher.add(B);
    const hosted = 'http://127.0.0.1:4100';
    expect(switcher.list().find((s) => s.id === hosted)?.hosted).toBe(true);
    const left = await switcher.remove(hosted);
    expect(left.ok && left.value.map((s) => s.id)).toEqual([B]);
    expect(latest(hosted)?.calls.at(-1)).toBe('logout');
    expect(window.stoppedHosting).toBe(1);
    expect(settings.otherServers).toEqual([]);
    expect(settings.serverOrder).toEqual([B]);
  });

  it('removing the server on screen signs out there and brings the next one forward, still signed in', async () => {
    await switcher.restore();
    await switcher.add(B);
    window.currentToken = 'token-b';
    window.user = bob;
    await switcher.remove(B);
    expect(window.revoked).toEqual(['token-b']);
    expect([window.current?.url, window.currentToken]).toEqual([A, 'token-a']);
    expect(switcher.list().map((s) => s.id)).toEqual([A]);
  });

  it('removing the last server leaves the first-run screen', async () => {
    await switcher.restore();
    await switcher.remove(A);
    expect(window.current).toBeNull();
    expect(switcher.list()).toEqual([]);
    expect(reloads).toBe(1);
  });

  it('the first-run screen joining a server kept behind brings that one forward instead of joining twice', async () => {
    await switcher.restore();
    await switcher.add(B);
    await window.logoutAndForget(); // "Change server" on B
    switcher.syncWindow();
    const joined = await switcher.join(A);
    expect(joined).toEqual({ ok: true, value: { mode: 'remote', url: A } });
    expect(window.joins).toEqual([]);
    expect(window.currentToken).toBe('token-a');
  });

  it('at start every other server signs in again behind, in the order the user had, the hosted one started', async () => {
    settings.otherServers = [
      { server: { mode: 'remote', url: B }, user: bob },
      { server: { mode: 'host', url: 'http://127.0.0.1:4100', shared: false, shareUrls: [] }, user: ada },
    ];
    settings.serverOrder = [B, A, 'http://127.0.0.1:4100'];
    storedTokens.set(B, 'token-b');
    await switcher.restore();
    expect(latest(B)?.calls).toEqual(['resume:bob@b.example']);
    expect(latest(B)?.token).toBe('token-b');
    expect(window.hosting).toBe(1);
    expect(switcher.list().map((s) => [s.id, s.active])).toEqual([
      [B, false],
      [A, true],
      ['http://127.0.0.1:4100', false],
    ]);
  });

  it('two quick switches run one after the other and leave one server on screen, the others behind', async () => {
    await switcher.restore();
    await switcher.add(B);
    await switcher.add(C);
    const [first, second] = await Promise.all([switcher.switchTo(A, null), switcher.switchTo(B, null)]);
    expect(first.ok && second.ok).toBe(true);
    expect(window.current?.url).toBe(B);
    expect(switcher.list().filter((s) => s.active).map((s) => s.id)).toEqual([B]);
    expect(settings.otherServers.map((o) => o.server.url).sort()).toEqual([A, C]);
    expect(window.currentToken === null || window.currentToken === 'token-b').toBe(true);
    expect(latest(A)?.token).toBe('token-a');
  });
});
