import type { UsersResponse } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { call, signUp } from './support/http.js';
import { useServer } from './support/server.js';
import { collect, connect, nextEvent, sleep } from './support/sockets.js';

const server = useServer();

describe('presence', () => {
  it('online users receive presence online when a user’s first socket connects, once', async () => {
    const watcher = await signUp(server());
    const ada = await signUp(server());
    const socket = await connect(server().url, watcher.token);
    const seen = collect(socket, 'presence');
    await connect(server().url, ada.token);
    await connect(server().url, ada.token);
    await sleep(150);
    expect(seen.filter((e) => e.user_id === ada.user.user_id)).toEqual([{ user_id: ada.user.user_id, online: true }]);
  });

  it('presence offline comes when the last socket closes, not before', async () => {
    const watcher = await signUp(server());
    const ada = await signUp(server());
    const socket = await connect(server().url, watcher.token);
    const first = await connect(server().url, ada.token);
    const second = await connect(server().url, ada.token, { transports: ['polling'] });
    const seen = collect(socket, 'presence');
    first.disconnect();
    await sleep(150);
    expect(seen).toHaveLength(0);
    const offline = nextEvent(socket, 'presence', (e) => e.user_id === ada.user.user_id);
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
});
