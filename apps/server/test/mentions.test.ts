import { mentionToken, notificationsResponseSchema, type ChatGroup } from '@parley/shared';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, signUp, type SignedUp } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, send, type ClientSocket } from './support/sockets.js';

const server = useServer();

let ada: SignedUp;
let bob: SignedUp;
let eve: SignedUp;
let bobSocket: ClientSocket;
let groupId: number;

async function notifications(who: SignedUp) {
  const reply = await call(server(), 'GET', '/notifications', { token: who.token });
  return notificationsResponseSchema.parse(reply.body).notifications;
}

beforeAll(async () => {
  ada = await signUp(server(), { first: 'Ada' });
  bob = await signUp(server(), { first: 'Bob' });
  eve = await signUp(server(), { first: 'Eve' });
  const group = await call<ChatGroup>(server(), 'POST', '/chat_groups', { token: ada.token, body: { chat_group_name: `Mentions ${Date.now()}` } });
  groupId = group.body.chat_group_id;
  for (const who of [ada, bob, eve]) await call(server(), 'GET', `/chat_groups/${groupId}`, { token: who.token });
});

beforeEach(async () => {
  // Sockets are closed after each test.
  bobSocket = await connect(server().url, bob.token);
});

describe('mentions', () => {
  it('are kept as <@id> tokens and counted apart among the unread, per person mentioned', async () => {
    const ack = await send(bobSocket, { chat_type: 'group', chat_group_id: groupId, message: `${mentionToken(ada.user.user_id)} can you check?` });
    expect(ack).toMatchObject({ ok: true, message: { message: `<@${ada.user.user_id}> can you check?` } });
    await send(bobSocket, { chat_type: 'group', chat_group_id: groupId, message: 'no mention here' });
    await send(bobSocket, { chat_type: 'group', chat_group_id: groupId, message: `again ${mentionToken(ada.user.user_id)}` });
    await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: `psst ${mentionToken(ada.user.user_id)}` });
    const adas = await notifications(ada);
    expect(adas.find((n) => 'chat_group_id' in n)).toMatchObject({ chat_group_id: groupId, unread_count: 3, mention_count: 2 });
    expect(adas.find((n) => 'chat_room_id' in n)).toMatchObject({ unread_count: 1, mention_count: 1 });
    // Eve has the same unread group and no mention: the field is left out.
    const [eves] = await notifications(eve);
    expect(eves).toMatchObject({ chat_group_id: groupId, unread_count: 3 });
    expect(eves).not.toHaveProperty('mention_count');
  });

  it('no longer count once the conversation is read', async () => {
    await call(server(), 'PUT', '/notifications', { token: ada.token, body: { chat_group_id: groupId } });
    const adas = await notifications(ada);
    expect(adas.find((n) => 'chat_group_id' in n)).toBeUndefined();
    // A mention of someone whose id is a prefix of another's is not theirs.
    await send(bobSocket, { chat_type: 'group', chat_group_id: groupId, message: `<@${ada.user.user_id}0> is someone else` });
    expect((await notifications(ada)).find((n) => 'chat_group_id' in n)).not.toHaveProperty('mention_count');
  });
});
