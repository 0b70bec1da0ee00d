import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatGroup, ChatRoomResponse, SendAck, SessionsResponse } from '@parley/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';
import { call, signUp, uniqueEmail, type SignedUp } from './support/http.js';
import { createCluster } from './support/cluster.js';
import { beforeProcessStarts, type ServerProcess } from './support/server-process.js';
import { closeAllSockets, collect, connect, nextEvent, send, sleep, waitForDisconnect } from './support/sockets.js';

/*
 * Two real nodes (src/main.ts) on one PostgreSQL database and the local Redis, a client on each:
 * what one node's client does must reach the other node's clients. PostgreSQL only: PGlite is
 * one process's database.
 */
const cluster = createCluster();
const { prefix } = cluster;

let testDb: TestDatabase | undefined;
let people: SignedUp[] = [];

const startNode = (dataDir: string) => cluster.start(testDb!, dataDir);

/** The confirmation token in the newest mail to `email` in a node's outbox. */
async function linkTokenIn(outbox: string, email: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    for (const file of (await readdir(outbox).catch(() => [])).sort().reverse()) {
      // Quoted-printable soft line breaks would cut the link.
      const text = (await readFile(join(outbox, file), 'utf8')).replace(/=\r?\n/g, '');
      if (!text.includes(email)) continue;
      const match = /\/register\/([A-Za-z0-9_-]+)/.exec(text);
      if (match) return match[1]!;
    }
    await sleep(100);
  }
  throw new Error(`no mail to ${email} in ${outbox}`);
}

const dirs: { a: string; b: string } = { a: '', b: '' };

afterAll(async () => {
  closeAllSockets();
  await cluster.destroy();
  await testDb?.drop();
});

describe.skipIf(testDatabaseKind !== 'postgres')('two nodes behind one address (PostgreSQL and Redis)', () => {
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    dirs.a = await mkdtemp(join(tmpdir(), 'parley-node-a-'));
    dirs.b = await mkdtemp(join(tmpdir(), 'parley-node-b-'));
    testDb = await createTestDatabase();
    people = await beforeProcessStarts(testDb, (s) => Promise.all([signUp(s, { first: 'Ada' }), signUp(s, { first: 'Bob' })]));
    // Started together: both migrate (the advisory lock makes that safe) and listen.
    [a, b] = await Promise.all([startNode(dirs.a), startNode(dirs.b)]);
  }, 120_000);

  it('carries direct messages, notifications, groups, group messages and registrations across nodes', async () => {
    const [ada, bob] = people as [SignedUp, SignedUp];
    const onA = await connect(a.url, ada.token);
    const onB = await connect(b.url, bob.token);
    await sleep(300);

    // A direct message sent on node A reaches Bob on node B, with its notification.
    const delivered = nextEvent(onB, 'message', (m) => m.chat_type === 'room' && m.message === 'across');
    const notified = nextEvent(onB, 'notification', (n) => 'chat_room_id' in n);
    const ack = await send(onA, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'across' });
    expect(ack.ok).toBe(true);
    expect(await delivered).toMatchObject({ user_id: ada.user.user_id });
    expect(await notified).toMatchObject({ unread_count: 1 });

    // A group made on node B is announced on node A.
    const announced = nextEvent(onA, 'group_created');
    const created = await call<ChatGroup>(b, 'POST', '/chat_groups', { token: bob.token, body: { chat_group_name: `Both ${prefix}` } });
    expect(created.status).toBe(201);
    expect((await announced).chat_group_id).toBe(created.body.chat_group_id);

    // Both enter, each on their node; Bob's group message reaches Ada on the other node.
    const groupId = created.body.chat_group_id;
    expect((await call(b, 'GET', `/chat_groups/${groupId}`, { token: bob.token })).status).toBe(200);
    expect((await call(a, 'GET', `/chat_groups/${groupId}`, { token: ada.token })).status).toBe(200);
    const groupMessage = nextEvent(onA, 'message', (m) => m.chat_type === 'group' && m.message === 'to the group');
    expect((await send(onB, { chat_type: 'group', chat_group_id: groupId, message: 'to the group' })).ok).toBe(true);
    expect(await groupMessage).toMatchObject({ user_id: bob.user.user_id });

    // Someone registering through node B is announced to Ada on node A.
    const email = uniqueEmail('carol');
    const registeredEvent = nextEvent(onA, 'user_registered', (u) => u.first_name === 'Carol');
    const registered = await call(b, 'POST', '/register', { body: { email, password: 'pw-carol-1234', first_name: 'Carol', last_name: 'C' } });
    expect(registered.status).toBe(202);
    expect((await call(b, 'GET', `/register/${await linkTokenIn(join(dirs.b, 'outbox'), email)}`)).status).toBe(201);
    expect((await registeredEvent).first_name).toBe('Carol');
  }, 60_000);

  it('carries an edit, a reaction and typing from one node to the other', async () => {
    const [ada, bob] = people as [SignedUp, SignedUp];
    const onA = await connect(a.url, ada.token);
    const onB = await connect(b.url, bob.token);
    await sleep(300);
    const ack = await send(onA, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'draft' });
    if (!ack.ok) throw new Error('send refused');
    const edited = nextEvent(onB, 'message_changed', (e) => e.message.id === ack.message.id && 'edited_at' in e.message);
    await onA.timeout(5_000).emitWithAck('edit_message', { chat_type: 'room', id: ack.message.id, message: 'final' });
    expect((await edited).message).toMatchObject({ message: 'final' });
    const reacted = nextEvent(onA, 'message_changed', (e) => 'reactions' in e.message);
    await onB.timeout(5_000).emitWithAck('react', { chat_type: 'room', id: ack.message.id, emoji: '👍' });
    expect((await reacted).message).toMatchObject({ reactions: [{ emoji: '👍', user_ids: [bob.user.user_id] }] });
    const roomId = 'chat_room_id' in ack.message ? ack.message.chat_room_id : 0;
    const typing = nextEvent(onA, 'typing');
    await onB.timeout(5_000).emitWithAck('typing', { chat_type: 'room', chat_room_id: roomId });
    expect(await typing).toEqual({ chat_type: 'room', chat_room_id: roomId, user_id: bob.user.user_id });
    onA.disconnect();
    onB.disconnect();
  });

  it('a logout on one node disconnects that session on the other', async () => {
    const [ada] = people as [SignedUp];
    const login = await call<{ token: string }>(b, 'POST', '/login', { body: { email: ada.email, password: ada.password } });
    const onA = await connect(a.url, login.body.token);
    const gone = waitForDisconnect(onA);
    expect((await call(b, 'POST', '/logout', { token: login.body.token })).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
  }, 30_000);

  it('ending a session, changing the password and a rename on one node reach the other', async () => {
    const [ada, bob] = people as [SignedUp, SignedUp];
    const loginAda = async () =>
      (await call<{ token: string }>(b, 'POST', '/login', { body: { email: ada.email, password: ada.password } })).body.token;

    const ended = await loginAda();
    const endedSocket = await connect(a.url, ended);
    const endedGone = waitForDisconnect(endedSocket);
    const { sessions } = (await call<SessionsResponse>(b, 'GET', '/sessions', { token: ended })).body;
    const own = sessions.find((session) => session.current)!;
    expect((await call(b, 'DELETE', `/sessions/${own.session_id}`, { token: ada.token })).status).toBe(200);
    expect(await endedGone).toBe('io server disconnect');

    const other = await loginAda();
    const otherSocket = await connect(a.url, other);
    const otherGone = waitForDisconnect(otherSocket);
    const watcher = await connect(a.url, bob.token);
    const renamed = nextEvent(watcher, 'user_updated', (u) => u.user_id === ada.user.user_id);
    const changed = await call(b, 'PUT', '/password', {
      token: ada.token,
      body: { current_password: ada.password, new_password: 'changed across nodes' },
    });
    expect(changed.status).toBe(200);
    expect(await otherGone).toBe('io server disconnect');
    expect((await call(b, 'PUT', '/me', { token: ada.token, body: { first_name: 'Augusta', last_name: 'King' } })).status).toBe(200);
    expect(await renamed).toEqual({ user_id: ada.user.user_id, first_name: 'Augusta', last_name: 'King' });
    ada.password = 'changed across nodes';
  }, 30_000);

  it('a node killed with SIGKILL mid-stream: its client moves to the other node and catches up with no gap and no duplicate', async () => {
    const [ada, bob] = people as [SignedUp, SignedUp];
    const onA = await connect(a.url, ada.token);
    const bobOnB = await connect(b.url, bob.token);
    const live = collect(onA, 'message');
    const acked: number[] = [];
    let sending = true;
    const stream = (async () => {
      for (let i = 0; sending && i < 400; i += 1) {
        const reply: SendAck = await send(bobOnB, { chat_type: 'room', other_user_id: ada.user.user_id, message: `stream ${i}` });
        if (reply.ok) acked.push(reply.message.id);
        await sleep(5);
      }
    })();
    while (live.length < 20) await sleep(20);
    a.child.kill('SIGKILL');
    await waitForDisconnect(onA);
    await sleep(300);
    sending = false;
    await stream;

    const first = live[0];
    if (first?.chat_type !== 'room') throw new Error('the stream is a room');
    const roomId = first.chat_room_id;
    const seen = live.flatMap((m) => (m.chat_type === 'room' && m.chat_room_id === roomId ? [m.id] : []));
    // Ada's desktop reconnects to the address, now node B, and asks for what came after.
    await connect(b.url, ada.token);
    const caughtUp: number[] = [];
    let after = Math.max(...seen);
    for (;;) {
      const page = await call<ChatRoomResponse>(b, 'GET', `/chat_rooms/${roomId}?after=${after}`, { token: ada.token });
      expect(page.status).toBe(200);
      caughtUp.push(...page.body.messages.map((m) => m.id));
      if (!page.body.has_more || page.body.messages.length === 0) break;
      after = page.body.messages.at(-1)!.id;
    }
    const all = [...seen, ...caughtUp];
    const streamed = new Set(acked);
    const received = all.filter((id) => streamed.has(id));
    // Every acknowledged message, each once, in id order.
    expect(received).toEqual(acked);
    expect(new Set(all).size).toBe(all.length);
  }, 60_000);
});
