import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelfUser } from '@parley/shared';
import { realTimers } from '@parley/shared/client';
import type { Coalesced } from '../../src/main/notifications/coalescer.js';
import { serverIdOf, serverLabelOf, tokenFileFor } from '../../src/main/servers/server-identity.js';
import { namedForServer } from '../../src/main/servers/server-notifications.js';
import { ServerRegistry } from '../../src/main/servers/server-registry.js';
import { ServerSession } from '../../src/main/servers/server-session.js';
import { FakeCipher } from './fakes/fake-cipher.js';
import { RealServer } from '../support/real-server.js';
import { io } from 'socket.io-client';

describe('the server registry', () => {
  it('knows a server by its origin and names it by host and port', () => {
    expect(serverIdOf('https://Chat.Example.com/app/')).toBe('https://chat.example.com');
    expect(serverIdOf('ftp://chat.example.com')).toBeNull();
    expect(serverIdOf('not a url')).toBeNull();
    expect(serverLabelOf('http://127.0.0.1:3917')).toBe('127.0.0.1:3917');
    expect(tokenFileFor('/home/me/.config/Parley', 'https://a.example')).not.toBe(tokenFileFor('/home/me/.config/Parley', 'https://b.example'));
  });

  it('sums every server’s unread messages for the tray and badge', () => {
    const registry = new ServerRegistry();
    const a = registry.add('https://a.example')!;
    const b = registry.add('https://b.example:8443')!;
    expect(registry.add('https://A.example/')).toBe(a);
    registry.setUnread(a.id, 3);
    registry.setUnread(b.id, 4);
    expect(registry.total).toBe(7);
    expect(registry.trayView()).toEqual({ icon: 'unread', tooltip: 'Parley — 7 unread', badgeCount: 7 });
    registry.remove(b.id);
    expect(registry.trayView().badgeCount).toBe(3);
  });

  it('tells its listeners only about real changes, and keeps one server on screen', () => {
    const registry = new ServerRegistry();
    let changes = 0;
    registry.onChange(() => changes++);
    const a = registry.add('https://a.example')!;
    const b = registry.add('https://b.example')!;
    registry.activate(a.id);
    registry.setUnread(a.id, 0);
    registry.setConnection(b.id, 'signed_out');
    expect(changes).toBe(3);
    registry.remove(a.id);
    expect(registry.activeId).toBe(b.id);
    expect(registry.list().map((e) => e.label)).toEqual(['b.example']);
  });

  it('notifications say which server once there is more than one', () => {
    const n: Coalesced = { conversation: { kind: 'bot' }, key: 'bot', title: 'Bob Builder', body: 'hi', count: 1 };
    expect(namedForServer(n, 'chat.example.com', 1)).toBe(n);
    expect(namedForServer(n, 'chat.example.com', 2).title).toBe('Bob Builder · chat.example.com');
  });
});

// Two real Parley servers, one person signed in to both from one app: each server has its own
// token, connection and unread count, and the tray shows their sum.
describe('signed in to two servers', () => {
  let one: RealServer;
  let two: RealServer;
  let me1: { token: string; user: SelfUser };
  let me2: { token: string; user: SelfUser };
  let friend1: { token: string; user: SelfUser };
  let friend2: { token: string; user: SelfUser };
  const userData = mkdtempSync(join(tmpdir(), 'parley-servers-'));
  const cipher = new FakeCipher();
  const registry = new ServerRegistry();
  const shown: { title: string; body: string }[] = [];
  const sessions: ServerSession[] = [];

  beforeAll(async () => {
    [one, two] = await Promise.all([RealServer.start(), RealServer.start()]);
    [me1, friend1, me2, friend2] = await Promise.all([one.signUp('Mia'), one.signUp('Finn'), two.signUp('Mia'), two.signUp('Gus')]);
  }, 120_000);

  afterAll(async () => {
    for (const session of sessions) session.stop();
    await Promise.all([one?.stop(), two?.stop()]);
  });

  const until = async (check: () => boolean, ms = 15_000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  async function sendFrom(server: RealServer, token: string, to: number, message: string) {
    const socket = io(server.url, { auth: { token }, transports: ['websocket'] });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    await socket.timeout(10_000).emitWithAck('message', { chat_type: 'room', other_user_id: to, message });
    socket.disconnect();
  }

  it('counts each server apart, sums them, and names the server in notifications', async () => {
    for (const [server, me] of [
      [one, me1],
      [two, me2],
    ] as const) {
      const entry = registry.add(server.url)!;
      const session = new ServerSession({
        entry,
        registry,
        userData,
        cipher,
        timers: realTimers,
        showNotification: (n, from) => shown.push(namedForServer(n, from.label, registry.size)),
      });
      sessions.push(session);
      await session.signIn(me.token, me.user);
    }
    await until(() => registry.list().every((e) => e.connection === 'connected'));

    await sendFrom(one, friend1.token, me1.user.user_id, 'from the first server');
    await sendFrom(two, friend2.token, me2.user.user_id, 'from the second, one');
    await sendFrom(two, friend2.token, me2.user.user_id, 'from the second, two');
    await until(() => registry.total === 3);
    expect(registry.list().map((e) => e.unread)).toEqual([1, 2]);
    expect(registry.trayView().tooltip).toBe('Parley — 3 unread');
    await until(() => shown.length >= 2);
    expect(shown[0]).toMatchObject({ title: `Finn Test · ${serverLabelOf(serverIdOf(one.url)!)}`, body: 'from the first server' });
    expect(shown.some((n) => n.title === `Gus Test · ${serverLabelOf(serverIdOf(two.url)!)}`)).toBe(true);
  }, 60_000);

  it('keeps each server’s token in its own encrypted file, and resumes from it', async () => {
    const [a, b] = registry.list();
    const fileA = await readFile(tokenFileFor(userData, a!.id));
    expect(fileA.toString('latin1')).not.toContain(me1.token);
    expect(tokenFileFor(userData, a!.id)).not.toBe(tokenFileFor(userData, b!.id));
    const again = new ServerSession({ entry: a!, registry: new ServerRegistry(), userData, cipher, timers: realTimers, showNotification: () => undefined });
    expect(await again.tokens.load()).toBe(me1.token);
  });

  it('finds who a room is with on its own server, for a deep link to it', async () => {
    const rooms = await fetch(`${one.url}/chat_rooms`, { headers: { authorization: `Bearer ${me1.token}` } });
    const { chat_rooms } = (await rooms.json()) as { chat_rooms: { chat_room_id: number; other_user: { user_id: number } }[] };
    const room = chat_rooms[0]!;
    expect(await sessions[0]!.userOfRoom(room.chat_room_id)).toBe(friend1.user.user_id);
    expect(await sessions[0]!.userOfRoom(room.chat_room_id + 1000)).toBeUndefined();
  });

  it('hands its sign-in over to the window: the connection stops and the token leaves its file', async () => {
    const entry = registry.list()[0]!;
    const token = await sessions[0]!.take();
    expect(token).toBe(me1.token);
    expect(registry.list()[0]?.connection).toBe('signed_out');
    await expect(readFile(tokenFileFor(userData, entry.id))).rejects.toThrow();
    // The window signs in with it; the server still honours it (nobody was signed out).
    const probe = await fetch(`${one.url}/notifications`, { headers: { authorization: `Bearer ${token}` } });
    expect(probe.status).toBe(200);
    await sessions[0]!.signIn(token!, me1.user);
    await until(() => registry.list()[0]?.connection === 'connected');
  });

  it('removing a server revokes its token there', async () => {
    const extra = await one.signUp('Ola');
    const entry = new ServerRegistry().add(one.url)!;
    const session = new ServerSession({ entry, registry: new ServerRegistry(), userData: mkdtempSync(join(tmpdir(), 'parley-servers-')), cipher, timers: realTimers, showNotification: () => undefined });
    await session.signIn(extra.token, extra.user);
    await session.logout();
    const probe = await fetch(`${one.url}/notifications`, { headers: { authorization: `Bearer ${extra.token}` } });
    expect(probe.status).toBe(401);
    expect(await session.tokens.load()).toBeNull();
  });

  it('signing out of one server takes only its count out of the sum', async () => {
    await sessions[1]!.signOut();
    expect(registry.total).toBe(1);
    expect(registry.list()[1]).toMatchObject({ unread: 0, connection: 'signed_out' });
    expect(registry.list()[0]?.connection).toBe('connected');
  });
});
