import type { PresenceEvent, UsersResponse } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { call, signUp } from './support/http.js';
import { useServer } from './support/server.js';
import { presenceWindowMs } from '../src/presence/coalescer.js';
import { holdConnections } from './support/connection-gate.js';
import { collectPresence, nextPresence } from './support/presence.js';
import { connect, sleep } from './support/sockets.js';

const server = useServer();

describe('presence', () => {
  it('online users receive presence online when a user’s first socket connects, once', async () => {
    const watcher = await signUp(server());
    const ada = await signUp(server());
    const socket = await connect(server().url, watcher.token);
    const seen = collectPresence(socket);
    await connect(server().url, ada.token);
    await connect(server().url, ada.token);
    await sleep(presenceWindowMs + 100);
    expect(seen.filter((e) => e.user_id === ada.user.user_id)).toEqual([{ user_id: ada.user.user_id, online: true }]);
  });

  it('presence offline comes when the last socket closes, not before', async () => {
    const watcher = await signUp(server());
    const ada = await signUp(server());
    const socket = await connect(server().url, watcher.token);
    const first = await connect(server().url, ada.token);
    const second = await connect(server().url, ada.token, { transports: ['polling'] });
    // Online announcements may still be in their coalescing window; let them go out first.
    await sleep(presenceWindowMs + 50);
    const seen = collectPresence(socket);
    first.disconnect();
    await sleep(150);
    expect(seen).toHaveLength(0);
    const offline = nextPresence(socket, (e) => e.user_id === ada.user.user_id);
    second.disconnect();
    expect(await offline).toEqual({ user_id: ada.user.user_id, online: false });
  });

  it('GET /users lists every confirmed user, the caller included, with online', async () => {
    const ada = await signUp(server(), { first: 'Ada', last: 'Online' });
    const bob = await signUp(server(), { first: 'Bob', last: 'Offline' });
    await connect(server().url, ada.token);
    const reply = await call<UsersResponse>(server(), 'GET', '/users', { token: bob.token });
    expect(reply.status).toBe(200);
    expect(reply.body.users).toContainEqual({ user_id: ada.user.user_id, first_name: 'Ada', last_name: 'Online', online: true });
    expect(reply.body.users).toContainEqual({ user_id: bob.user.user_id, first_name: 'Bob', last_name: 'Offline', online: false });
  });

  it('GET /users leaves out registrations whose link was not opened', async () => {
    const ada = await signUp(server());
    await call(server(), 'POST', '/register', {
      body: { email: 'pending-person@example.com', password: 'a good password', first_name: 'Pending', last_name: 'Person' },
    });
    const reply = await call<UsersResponse>(server(), 'GET', '/users', { token: ada.token });
    expect(reply.body.users.map((u) => u.first_name)).not.toContain('Pending');
  });
  it('many users connecting at once reach a watcher as a few coalesced events, each user once', async () => {
    const watcher = await signUp(server());
    const crowd = await Promise.all(Array.from({ length: 20 }, () => signUp(server())));
    const socket = await connect(server().url, watcher.token);
    // The watcher's own arrival may wait in a window an earlier test opened: let it pass first.
    await sleep(presenceWindowMs + 100);
    const events: PresenceEvent[] = [];
    socket.on('presence', (event) => events.push(event));
    const seen = collectPresence(socket);
    const gate = holdConnections(server().app.io, crowd.map((u) => u.user.user_id));
    const sockets = crowd.map((u) => connect(server().url, u.token));
    await gate.held(crowd.length);
    gate.release();
    await Promise.all(sockets);
    await sleep(presenceWindowMs + 150);
    // The first change goes out at once; the others wait for the window and leave together.
    expect(events.length).toBeLessThanOrEqual(2);
    expect(seen.map((c) => c.user_id).sort((a, b) => a - b)).toEqual(crowd.map((u) => u.user.user_id).sort((a, b) => a - b));
    expect(seen.every((c) => c.online)).toBe(true);
  });

  it('two sockets of one user connecting at once announce online once', async () => {
    const watcher = await signUp(server());
    const ada = await signUp(server());
    const socket = await connect(server().url, watcher.token);
    const seen = collectPresence(socket);
    const gate = holdConnections(server().app.io, [ada.user.user_id]);
    const both = [connect(server().url, ada.token), connect(server().url, ada.token)];
    // Both are prepared while neither has joined: each alone would look like the first.
    await gate.held(2);
    gate.release();
    await Promise.all(both);
    await sleep(presenceWindowMs + 150);
    expect(seen.filter((c) => c.user_id === ada.user.user_id)).toEqual([{ user_id: ada.user.user_id, online: true }]);
  });

  it('a last socket closing while a new one is prepared leaves the user online', async () => {
    const watcher = await signUp(server());
    const ada = await signUp(server());
    const socket = await connect(server().url, watcher.token);
    const seen = collectPresence(socket);
    const first = await connect(server().url, ada.token);
    await nextPresence(socket, (c) => c.user_id === ada.user.user_id && c.online);
    const gate = holdConnections(server().app.io, [ada.user.user_id]);
    const second = connect(server().url, ada.token);
    await gate.held(1);
    first.disconnect();
    const userRoom = `user:${ada.user.user_id}`;
    for (let waited = 0; server().app.io.of('/').adapter.rooms.has(userRoom); waited += 10) {
      if (waited > 5_000) throw new Error('the first socket never closed on the server');
      await sleep(10);
    }
    gate.release();
    await second;
    await sleep(presenceWindowMs + 150);
    const last = seen.filter((c) => c.user_id === ada.user.user_id).at(-1);
    expect(last).toEqual({ user_id: ada.user.user_id, online: true });
    const users = await call<UsersResponse>(server(), 'GET', '/users', { token: watcher.token });
    expect(users.body.users.find((u) => u.user_id === ada.user.user_id)?.online).toBe(true);
  });
});
