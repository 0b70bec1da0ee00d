import type { ChatGroup } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { createBot } from '../src/bot/create-bot.js';
import { asUser, createWorkspaceLookup } from '../src/bot/workspace-lookup.js';
import { call, signUp } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, send } from './support/sockets.js';

const server = useServer();
const lookup = () => createWorkspaceLookup(server().db, () => server().app.io);

describe('what the bot may look up', () => {
  it('online and all users come from presence and the accounts', async () => {
    const ada = await signUp(server(), { first: 'Ada' });
    const bob = await signUp(server(), { first: 'Bob' });
    await connect(server().url, ada.token);
    const online = await lookup().onlineUsers();
    expect(online.map((u) => u.user_id)).toContain(ada.user.user_id);
    expect(online.map((u) => u.user_id)).not.toContain(bob.user.user_id);
    const all = await lookup().allUsers();
    expect(all).toContainEqual({ user_id: bob.user.user_id, first_name: 'Bob', last_name: 'User', online: false });
  });

  it('unread conversations name the other person or the group', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server(), { first: 'Bob', last: 'Stone' });
    const bobSocket = await connect(server().url, bob.token);
    await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'ping' });
    await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'ping again' });
    expect(await lookup().unreadConversations(ada.user.user_id)).toEqual([{ kind: 'room', title: 'Bob Stone', unreadCount: 2 }]);
  });

  it('a search finds text only in the user’s own rooms and groups, newest first', async () => {
    const ada = await signUp(server(), { first: 'Ada', last: 'L' });
    const bob = await signUp(server(), { first: 'Bob', last: 'B' });
    const eve = await signUp(server(), { first: 'Eve', last: 'E' });
    const adaSocket = await connect(server().url, ada.token);
    const eveSocket = await connect(server().url, eve.token);
    await send(adaSocket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'the budget is 100%' });
    await send(adaSocket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'Budget v2 attached' });
    await send(eveSocket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'eve budget secret' });
    const found = await lookup().searchMessages(bob.user.user_id, 'budget', 10);
    expect(found.map((m) => m.text)).toEqual(['eve budget secret', 'Budget v2 attached', 'the budget is 100%']);
    const adas = await lookup().searchMessages(ada.user.user_id, 'budget', 10);
    expect(adas.map((m) => m.text)).toEqual(['Budget v2 attached', 'the budget is 100%']);
    expect(adas[0]).toMatchObject({ where: 'Bob B', author: 'Ada L' });
    expect((await lookup().searchMessages(ada.user.user_id, '100%', 10)).map((m) => m.text)).toEqual(['the budget is 100%']);
  });

  it('groups say whether the user talking to the bot is a member', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const name = `Lookup ${Date.now()}`;
    await call<ChatGroup>(server(), 'POST', '/chat_groups', { token: ada.token, body: { chat_group_name: name } });
    const forAda = await asUser(ada.user.user_id, () => lookup().groups());
    const forBob = await asUser(bob.user.user_id, () => lookup().groups());
    expect(forAda).toContainEqual({ name, memberCount: 1, isMember: true });
    expect(forBob).toContainEqual({ name, memberCount: 1, isMember: false });
  });

  it('the real bot factory answers over this lookup with text', async () => {
    const ada = await signUp(server());
    const bot = createBot({ timeoutMs: 2_000 }, lookup());
    const reply = await asUser(ada.user.user_id, () =>
      bot.reply({
        user: { user_id: ada.user.user_id, first_name: 'Ada', last_name: 'User' },
        text: 'help',
        history: [],
        now: new Date(),
      }),
    );
    expect(reply.trim().length).toBeGreaterThan(0);
  });
});
