import { rateLimitDefaults, type ChatGroup } from '@parley/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, signUp, type Reply, type SignedUp } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, leaveGroup } from './support/sockets.js';

const server = useServer({ env: { RATE_LIMITS: 'on' } });
const { writes } = rateLimitDefaults;

let groups = 0;
const groupName = () => `limited ${++groups} ${Math.random().toString(36).slice(2, 8)}`;

async function createGroup(owner: SignedUp): Promise<ChatGroup> {
  const reply = await call<ChatGroup>(server(), 'POST', '/chat_groups', { token: owner.token, body: { chat_group_name: groupName() } });
  expect(reply.status).toBe(201);
  return reply.body;
}

function expectLimited(reply: Reply): void {
  expect(reply.status).toBe(429);
  expect(reply.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
  expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
}

// Date stands still while a bucket is spent, so no refill arrives however slow the machine is.
const freezeDate = () => vi.useFakeTimers({ toFake: ['Date'] });
afterEach(() => {
  vi.useRealTimers();
});

describe('per-user limits on writes', () => {
  it('creating groups: 5 at once per user, then 429; another user still creates', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    freezeDate();
    for (let i = 0; i < writes.groupCreate.burst; i++) await createGroup(ada);
    expectLimited(await call(server(), 'POST', '/chat_groups', { token: ada.token, body: { chat_group_name: groupName() } }));
    await createGroup(bob);
  });

  it('renaming: 10 at once per user on either route, then 429', async () => {
    const ada = await signUp(server());
    const group = await createGroup(ada);
    freezeDate();
    for (let i = 0; i < writes.groupRename.burst; i++) {
      const reply =
        i % 2 === 0
          ? await call(server(), 'PUT', `/chat_groups/${group.chat_group_id}`, { token: ada.token, body: { chat_group_name: groupName() } })
          : await call(server(), 'PUT', '/chat_groups', {
              token: ada.token,
              body: { chat_group_id: group.chat_group_id, chat_group_name: groupName() },
            });
      expect(reply.status).toBe(200);
    }
    expectLimited(
      await call(server(), 'PUT', `/chat_groups/${group.chat_group_id}`, { token: ada.token, body: { chat_group_name: groupName() } }),
    );
  });

  it('entering and leaving groups: 30 at once, then 429 on entry and rate_limited on leave_group', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const group = await createGroup(bob);
    const socket = await connect(server().url, ada.token);
    const enter = (query = '') => call(server(), 'GET', `/chat_groups/${group.chat_group_id}${query}`, { token: ada.token });
    freezeDate();
    expect((await enter()).status).toBe(200);
    // Paging while present announces nothing, so it takes nothing from the bucket.
    for (let i = 0; i < 5; i++) expect((await enter('?until=1')).status).toBe(200);
    for (let used = 1; used + 2 < writes.groupPresence.burst; used += 2) {
      expect(await leaveGroup(socket, group.chat_group_id)).toEqual({ ok: true });
      expect((await enter()).status).toBe(200);
    }
    expect(await leaveGroup(socket, group.chat_group_id)).toEqual({ ok: true });
    expectLimited(await enter());
    expect(await leaveGroup(socket, group.chat_group_id)).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: expect.any(String) },
    });
  });

  it('marking read: 60 at once per user, then 429', async () => {
    const ada = await signUp(server());
    const group = await createGroup(ada);
    const markRead = () => call(server(), 'PUT', '/notifications', { token: ada.token, body: { chat_group_id: group.chat_group_id } });
    freezeDate();
    for (let i = 0; i < writes.markRead.burst; i++) expect((await markRead()).status).toBe(200);
    expectLimited(await markRead());
  });
});
