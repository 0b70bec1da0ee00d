import { randomBytes, randomUUID } from 'node:crypto';
import type { ChatGroup, ChatGroupResponse, ChatGroupsResponse, GroupChatMessage } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { call, signUp, type SignedUp } from './support/http.js';
import { useServer } from './support/server.js';
import { presenceWindowMs } from '../src/presence/coalescer.js';
import { collectGroupPresence, nextGroupPresence } from './support/presence.js';
import { collect, connect, leaveGroup, nextEvent, send, sleep } from './support/sockets.js';

const server = useServer();

const groupName = (prefix = 'Group') => `${prefix} ${randomBytes(4).toString('hex')}`;

async function createGroup(owner: SignedUp, name = groupName()): Promise<ChatGroup> {
  const reply = await call<ChatGroup>(server(), 'POST', '/chat_groups', { token: owner.token, body: { chat_group_name: name } });
  if (reply.status !== 201) throw new Error(`create answered ${reply.status}: ${reply.text}`);
  return reply.body;
}

describe('creating groups', () => {
  it('answers 201 with the group and tells online users with group_created', async () => {
    const ada = await signUp(server());
    const watcher = await signUp(server());
    const socket = await connect(server().url, watcher.token);
    const name = groupName('Design');
    const event = nextEvent(socket, 'group_created', (g) => g.chat_group_name === name);
    const reply = await call(server(), 'POST', '/chat_groups', {
      token: ada.token,
      body: { chat_group_name: `  ${name} `, author_id: ada.user.user_id },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ chat_group_id: expect.any(Number), chat_group_name: name, author_id: ada.user.user_id });
    expect(await event).toEqual(reply.body);
  });

  it('an author_id other than the caller answers 403', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const reply = await call(server(), 'POST', '/chat_groups', {
      token: ada.token,
      body: { chat_group_name: groupName(), author_id: bob.user.user_id },
    });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('a name already taken, in any case, answers 409 conflict', async () => {
    const ada = await signUp(server());
    const name = groupName('Taken');
    await createGroup(ada, name);
    const reply = await call(server(), 'POST', '/chat_groups', { token: ada.token, body: { chat_group_name: name.toUpperCase() } });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ error: { code: 'conflict' } });
  });

  it('a name empty after trimming or over 80 characters answers 400', async () => {
    const ada = await signUp(server());
    for (const name of ['   ', 'x'.repeat(81)]) {
      const reply = await call(server(), 'POST', '/chat_groups', { token: ada.token, body: { chat_group_name: name } });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ error: { code: 'invalid_input', fields: { chat_group_name: expect.any(String) } } });
    }
  });

  it('GET /chat_groups lists every group with its member count', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const group = await createGroup(ada);
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: bob.token });
    const list = await call<ChatGroupsResponse>(server(), 'GET', '/chat_groups', { token: bob.token });
    expect(list.body.chat_groups).toContainEqual({ ...group, member_count: 2 });
  });
});

describe('renaming groups', () => {
  it('the author renames with PUT /chat_groups/{id} and members receive group_updated', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const group = await createGroup(ada);
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: bob.token });
    const bobSocket = await connect(server().url, bob.token);
    const name = groupName('Renamed');
    const event = nextEvent(bobSocket, 'group_updated');
    const reply = await call(server(), 'PUT', `/chat_groups/${group.chat_group_id}`, {
      token: ada.token,
      body: { chat_group_name: name },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ...group, chat_group_name: name });
    expect(await event).toEqual(reply.body);
  });

  it('the seed’s PUT /chat_groups with the id in the body renames too', async () => {
    const ada = await signUp(server());
    const group = await createGroup(ada);
    const name = groupName('Seed');
    const reply = await call(server(), 'PUT', '/chat_groups', {
      token: ada.token,
      body: { chat_group_id: group.chat_group_id, chat_group_name: name },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ chat_group_name: name });
  });

  it('someone who is not the author cannot rename a group', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const group = await createGroup(ada);
    const reply = await call(server(), 'PUT', `/chat_groups/${group.chat_group_id}`, {
      token: bob.token,
      body: { chat_group_name: groupName() },
    });
    expect(reply.status).toBe(403);
  });

  it('renaming to a name another group has answers 409', async () => {
    const ada = await signUp(server());
    const taken = await createGroup(ada);
    const group = await createGroup(ada);
    const reply = await call(server(), 'PUT', `/chat_groups/${group.chat_group_id}`, {
      token: ada.token,
      body: { chat_group_name: taken.chat_group_name.toLowerCase() },
    });
    expect(reply.status).toBe(409);
  });

  it('renaming a group that does not exist answers 404', async () => {
    const ada = await signUp(server());
    const reply = await call(server(), 'PUT', '/chat_groups/987654321', { token: ada.token, body: { chat_group_name: 'x' } });
    expect(reply.status).toBe(404);
  });
});

describe('entering and leaving groups', () => {
  it('GET /chat_groups/{id} answers the group, present users and history, and makes the caller a member', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const group = await createGroup(ada);
    const bobSocket = await connect(server().url, bob.token);
    const reply = await call<ChatGroupResponse>(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: bob.token });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ...group, present_user_ids: [bob.user.user_id], messages: [], has_more: false, change_cursor: 0 });
    const ack = await send(bobSocket, { chat_type: 'group', chat_group_id: group.chat_group_id, message: 'joined' });
    expect(ack).toMatchObject({ ok: true });
  });

  it('entries arriving together (two groups, one user twice, a missing group) each get their own answer', async () => {
    const ada = await signUp(server());
    const people = await Promise.all(Array.from({ length: 6 }, () => signUp(server())));
    const [first, second] = [await createGroup(ada), await createGroup(ada)];
    await Promise.all(people.map((p) => connect(server().url, p.token)));
    const entries = [
      ...people.map((p, i) => ({ who: p, groupId: (i % 2 === 0 ? first : second).chat_group_id })),
      { who: people[0]!, groupId: first.chat_group_id },
      { who: people[1]!, groupId: 2 ** 40 },
    ];
    const replies = await Promise.all(
      entries.map((e) => call<ChatGroupResponse>(server(), 'GET', `/chat_groups/${e.groupId}`, { token: e.who.token })),
    );
    entries.forEach((e, i) => {
      const reply = replies[i]!;
      if (e.groupId === 2 ** 40) {
        expect(reply.status).toBe(404);
        return;
      }
      expect(reply.status).toBe(200);
      expect(reply.body.chat_group_id).toBe(e.groupId);
      expect(reply.body.present_user_ids).toContain(e.who.user.user_id);
    });
    const list = await call<ChatGroupsResponse>(server(), 'GET', '/chat_groups', { token: ada.token });
    const members = (g: ChatGroup) => list.body.chat_groups.find((x) => x.chat_group_id === g.chat_group_id)?.member_count;
    expect([members(first), members(second)]).toEqual([4, 4]);
    const settled = await call<ChatGroupResponse>(server(), 'GET', `/chat_groups/${first.chat_group_id}`, { token: people[0]!.token });
    expect(settled.body.present_user_ids).toEqual(
      people.filter((_, i) => i % 2 === 0).map((p) => p.user.user_id).sort((a, b) => a - b),
    );
  });

  it('entering without a connected socket makes a member, not a present user', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const group = await createGroup(ada);
    const reply = await call<ChatGroupResponse>(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: bob.token });
    expect(reply.body.present_user_ids).toEqual([]);
    const list = await call<ChatGroupsResponse>(server(), 'GET', '/chat_groups', { token: bob.token });
    expect(list.body.chat_groups.find((g) => g.chat_group_id === group.chat_group_id)?.member_count).toBe(2);
  });

  it('those present receive group_presence when someone enters; paging while present announces nothing', async () => {
    const ada = await signUp(server(), { first: 'Ada' });
    const bob = await signUp(server(), { first: 'Bob', last: 'Byte' });
    const group = await createGroup(ada);
    const adaSocket = await connect(server().url, ada.token);
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: ada.token });
    await connect(server().url, bob.token);
    const seen = collectGroupPresence(adaSocket);
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: bob.token });
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}?until=1`, { token: bob.token });
    await sleep(presenceWindowMs + 100);
    expect(seen).toEqual([
      { chat_group_id: group.chat_group_id, user_id: bob.user.user_id, first_name: 'Bob', last_name: 'Byte', present: true },
    ]);
  });

  it('leave_group is acknowledged and those present receive present: false', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const group = await createGroup(ada);
    const adaSocket = await connect(server().url, ada.token);
    const bobSocket = await connect(server().url, bob.token);
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: ada.token });
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: bob.token });
    // An entry and a leave inside one window cancel out; let the entry go out first.
    await sleep(presenceWindowMs + 50);
    const left = nextGroupPresence(adaSocket, (e) => e.user_id === bob.user.user_id && !e.present);
    expect(await leaveGroup(bobSocket, group.chat_group_id)).toEqual({ ok: true });
    expect(await left).toMatchObject({ chat_group_id: group.chat_group_id, present: false });
    const state = await call<ChatGroupResponse>(server(), 'GET', `/chat_groups/${group.chat_group_id}?until=1`, {
      token: ada.token,
    });
    expect(state.body.present_user_ids).toEqual([ada.user.user_id]);
  });

  it('closing the last socket makes the user leave every group they were present in', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const group = await createGroup(ada);
    const adaSocket = await connect(server().url, ada.token);
    const bobFirst = await connect(server().url, bob.token);
    const bobSecond = await connect(server().url, bob.token);
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: ada.token });
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: bob.token });
    await sleep(presenceWindowMs + 50);
    const seen = collectGroupPresence(adaSocket);
    bobFirst.disconnect();
    await sleep(150);
    expect(seen).toHaveLength(0);
    bobSecond.disconnect();
    await nextGroupPresence(adaSocket, (e) => e.user_id === bob.user.user_id && !e.present);
  });

  it('leave_group with a bad payload answers invalid_input', async () => {
    const ada = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const ack = await socket.timeout(5000).emitWithAck('leave_group', { chat_group_id: 'x' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('a group that does not exist answers 404', async () => {
    const ada = await signUp(server());
    expect((await call(server(), 'GET', '/chat_groups/987654321', { token: ada.token })).status).toBe(404);
    expect((await call(server(), 'GET', '/chat_groups/99999999999999999999', { token: ada.token })).status).toBe(404);
    expect((await call(server(), 'GET', '/chat_groups/abc', { token: ada.token })).status).toBe(400);
  });
});

describe('group messages', () => {
  it('a non-member cannot post to a group', async () => {
    const ada = await signUp(server());
    const eve = await signUp(server());
    const group = await createGroup(ada);
    const socket = await connect(server().url, eve.token);
    const ack = await send(socket, { chat_type: 'group', chat_group_id: group.chat_group_id, message: 'let me in' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('posting to a group that does not exist answers not_found', async () => {
    const ada = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const ack = await send(socket, { chat_type: 'group', chat_group_id: 987654321, message: 'hello?' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('every member’s sockets receive the message; members not present get a notification, never the sender', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const cy = await signUp(server());
    const group = await createGroup(ada);
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: bob.token });
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: cy.token });
    const adaSocket = await connect(server().url, ada.token);
    const bobSocket = await connect(server().url, bob.token);
    const cySocket = await connect(server().url, cy.token);
    // Bob is present (has the group open); Cy is a member elsewhere in the app.
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: bob.token });
    const adaNotes = collect(adaSocket, 'notification');
    const bobNotes = collect(bobSocket, 'notification');
    const messages = [adaSocket, bobSocket, cySocket].map((s) => nextEvent(s, 'message'));
    const cyNote = nextEvent(cySocket, 'notification');
    const ack = await send(adaSocket, { chat_type: 'group', chat_group_id: group.chat_group_id, message: 'hello all' });
    const sent = (ack as { message: GroupChatMessage }).message;
    expect(sent).toMatchObject({ chat_group_id: group.chat_group_id, user_id: ada.user.user_id, message: 'hello all' });
    for (const event of await Promise.all(messages)) expect(event).toEqual({ chat_type: 'group', ...sent });
    expect(await cyNote).toEqual({ chat_group_id: group.chat_group_id, unread_count: 1 });
    await sleep(150);
    expect(adaNotes).toHaveLength(0);
    expect(bobNotes).toHaveLength(0);
  });

  it('a member who joins while connected receives the group’s messages at once', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const group = await createGroup(ada);
    const adaSocket = await connect(server().url, ada.token);
    const bobSocket = await connect(server().url, bob.token);
    await call(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: bob.token });
    const arrived = nextEvent(bobSocket, 'message');
    await send(adaSocket, { chat_type: 'group', chat_group_id: group.chat_group_id, message: 'welcome' });
    expect(await arrived).toMatchObject({ message: 'welcome' });
  });

  it('a group send retried with its client_id returns the first message', async () => {
    const ada = await signUp(server());
    const group = await createGroup(ada);
    const socket = await connect(server().url, ada.token);
    const payload = { chat_type: 'group', chat_group_id: group.chat_group_id, message: 'once', client_id: randomUUID() };
    const first = await send(socket, payload);
    expect(await send(socket, payload)).toEqual(first);
    const history = await call<ChatGroupResponse>(server(), 'GET', `/chat_groups/${group.chat_group_id}`, { token: ada.token });
    expect(history.body.messages).toHaveLength(1);
  });
});
