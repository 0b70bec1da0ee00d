import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatGroup, ChatGroupResponse, NotificationsResponse, UsersResponse } from '@parley/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from './support/cluster.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';
import { call, signUp, type SignedUp } from './support/http.js';
import { collectPresence, nextGroupPresence, nextPresence } from './support/presence.js';
import { beforeProcessStarts, type ServerProcess } from './support/server-process.js';
import { closeAllSockets, connect, leaveGroup, send, sleep } from './support/sockets.js';

/*
 * Presence counted across two real nodes on one PostgreSQL database and the local Redis: who is
 * online, who is present in a group, announced to every node's clients and answered by every
 * node's REST reads, and a node that dies taking its users offline everywhere else.
 */

const cluster = createCluster();
let testDb: TestDatabase | undefined;
let people: SignedUp[] = [];

async function onlineOn(node: ServerProcess, viewer: SignedUp, userId: number): Promise<boolean | undefined> {
  const users = await call<UsersResponse>(node, 'GET', '/users', { token: viewer.token });
  return users.body.users.find((u) => u.user_id === userId)?.online;
}

afterAll(async () => {
  closeAllSockets();
  await cluster.destroy();
  await testDb?.drop();
});

describe.skipIf(testDatabaseKind !== 'postgres')('presence across two nodes (PostgreSQL and Redis)', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let dataDirs: string[];

  beforeAll(async () => {
    dataDirs = await Promise.all(['a', 'b', 'c'].map((name) => mkdtemp(join(tmpdir(), `parley-presence-${name}-`))));
    testDb = await createTestDatabase();
    people = await beforeProcessStarts(testDb, (s) =>
      Promise.all(['Ada', 'Bob', 'Carol', 'Dan'].map((first) => signUp(s, { first }))),
    );
    [a, b] = await Promise.all([cluster.start(testDb, dataDirs[0]!), cluster.start(testDb, dataDirs[1]!)]);
  }, 120_000);

  it('a user online on one node is announced to, and listed online by, the other', async () => {
    const [ada, bob] = people as [SignedUp, SignedUp];
    const bobOnB = await connect(b.url, bob.token);
    const online = nextPresence(bobOnB, (c) => c.user_id === ada.user.user_id && c.online);
    const adaOnA = await connect(a.url, ada.token);
    await online;
    expect(await onlineOn(b, bob, ada.user.user_id)).toBe(true);

    // A second socket on the other node is no new presence; only the last one closing is.
    const seen = collectPresence(bobOnB);
    const adaOnB = await connect(b.url, ada.token);
    adaOnA.disconnect();
    await sleep(600);
    expect(seen.filter((c) => c.user_id === ada.user.user_id)).toEqual([]);
    expect(await onlineOn(a, bob, ada.user.user_id)).toBe(true);

    const offline = nextPresence(bobOnB, (c) => c.user_id === ada.user.user_id && !c.online);
    adaOnB.disconnect();
    await offline;
    expect(await onlineOn(a, bob, ada.user.user_id)).toBe(false);
    expect(await onlineOn(b, bob, ada.user.user_id)).toBe(false);
  }, 30_000);

  it('group presence: entering over one node with sockets on the other, leaving, and the lists', async () => {
    const [ada, bob] = people as [SignedUp, SignedUp];
    const bobOnB = await connect(b.url, bob.token);
    const adaOnA = await connect(a.url, ada.token);
    const created = await call<ChatGroup>(a, 'POST', '/chat_groups', { token: ada.token, body: { chat_group_name: `Present ${cluster.prefix}` } });
    const groupId = created.body.chat_group_id;
    expect((await call(b, 'GET', `/chat_groups/${groupId}`, { token: bob.token })).status).toBe(200);

    // Ada's request reaches node B while her socket is on node A: she becomes present there.
    const entered = nextGroupPresence(bobOnB, (c) => c.chat_group_id === groupId && c.user_id === ada.user.user_id && c.present);
    const entry = await call<ChatGroupResponse>(b, 'GET', `/chat_groups/${groupId}`, { token: ada.token });
    expect(entry.body.present_user_ids).toEqual([ada.user.user_id, bob.user.user_id].sort((x, y) => x - y));
    expect(await entered).toMatchObject({ first_name: 'Ada' });
    await sleep(300);
    // Paging while present, on either node, lists both and announces nothing.
    const paged = await call<ChatGroupResponse>(a, 'GET', `/chat_groups/${groupId}?until=1`, { token: bob.token });
    expect(paged.body.present_user_ids).toEqual([ada.user.user_id, bob.user.user_id].sort((x, y) => x - y));

    const left = nextGroupPresence(bobOnB, (c) => c.chat_group_id === groupId && c.user_id === ada.user.user_id && !c.present);
    expect((await leaveGroup(adaOnA, groupId)).ok).toBe(true);
    await left;
    await sleep(300);
    const after = await call<ChatGroupResponse>(a, 'GET', `/chat_groups/${groupId}?until=1`, { token: bob.token });
    expect(after.body.present_user_ids).toEqual([bob.user.user_id]);
    adaOnA.disconnect();
    bobOnB.disconnect();
  }, 30_000);

  it('a node that starts late learns who is online on the others', async () => {
    const [, , carol, dan] = people as [SignedUp, SignedUp, SignedUp, SignedUp];
    await connect(a.url, carol.token);
    await sleep(300);
    const c = await cluster.start(testDb!, dataDirs[2]!);
    for (let attempt = 0; attempt < 50 && !(await onlineOn(c, dan, carol.user.user_id)); attempt += 1) await sleep(100);
    expect(await onlineOn(c, dan, carol.user.user_id)).toBe(true);
    c.child.kill('SIGTERM');
    await c.exited;
  }, 90_000);

  it('a node killed with SIGKILL: the others announce its users offline within the protocol’s 60 s', async () => {
    const [, bob, carol] = people as [SignedUp, SignedUp, SignedUp];
    const bobOnB = await connect(b.url, bob.token);
    await connect(a.url, carol.token);
    // Carol, on node A, is present in a group: what it receives while she is there is read.
    const created = await call<ChatGroup>(b, 'POST', '/chat_groups', { token: bob.token, body: { chat_group_name: `Gone ${cluster.prefix}` } });
    const groupId = created.body.chat_group_id;
    expect((await call(b, 'GET', `/chat_groups/${groupId}`, { token: bob.token })).status).toBe(200);
    expect((await call(a, 'GET', `/chat_groups/${groupId}`, { token: carol.token })).body).toMatchObject({ present_user_ids: expect.arrayContaining([carol.user.user_id]) });
    await sleep(300);
    expect(await onlineOn(b, bob, carol.user.user_id)).toBe(true);
    const offline = nextPresence(bobOnB, (c) => c.user_id === carol.user.user_id && !c.online, 45_000);
    const startedAt = Date.now();
    a.child.kill('SIGKILL');
    await offline;
    expect(Date.now() - startedAt).toBeLessThan(60_000);
    expect(await onlineOn(b, bob, carol.user.user_id)).toBe(false);
    // Node B recorded her gone from the group: a message sent now is unread for her.
    expect((await send(bobOnB, { chat_type: 'group', chat_group_id: groupId, message: 'while you were away' })).ok).toBe(true);
    await sleep(200);
    const unread = await call<NotificationsResponse>(b, 'GET', '/notifications', { token: carol.token });
    expect(unread.body.notifications.find((n) => 'chat_group_id' in n && n.chat_group_id === groupId)?.unread_count).toBe(1);
  }, 60_000);
});
