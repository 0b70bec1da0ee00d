import { searchResponseSchema, type SearchResponse, type SearchResult } from '@parley/shared';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, signUp, type SignedUp } from './support/http.js';
import { walkWindow } from '../src/search/search.queries.js';
import { useServer } from './support/server.js';
import { connect, send, type ClientSocket } from './support/sockets.js';

const server = useServer();

let ada: SignedUp;
let bob: SignedUp;
let eve: SignedUp;
let adaSocket: ClientSocket;
let roomId: number;
let groupId: number;
let hiddenGroupId: number;

async function say(socket: ClientSocket, payload: Record<string, unknown>): Promise<number> {
  const ack = await send(socket, payload);
  if (!ack.ok) throw new Error(`send refused: ${JSON.stringify(ack)}`);
  return ack.message.id;
}

async function search(who: SignedUp, q: string, before?: string): Promise<SearchResponse> {
  const params = new URLSearchParams({ q, ...(before === undefined ? {} : { before }) });
  const reply = await call(server(), 'GET', `/search?${params.toString()}`, { token: who.token });
  expect(reply.status, reply.text).toBe(200);
  return searchResponseSchema.parse(reply.body);
}

const texts = (page: SearchResponse) => page.results.map((result) => result.message.message);

async function createGroup(owner: SignedUp, name: string): Promise<number> {
  const reply = await call<{ chat_group_id: number }>(server(), 'POST', '/chat_groups', { token: owner.token, body: { chat_group_name: name } });
  return reply.body.chat_group_id;
}

beforeAll(async () => {
  ada = await signUp(server(), { first: 'Ada' });
  bob = await signUp(server(), { first: 'Bob' });
  eve = await signUp(server(), { first: 'Eve' });
  adaSocket = await connect(server().url, ada.token);
  const bobSocket = await connect(server().url, bob.token);
  const eveSocket = await connect(server().url, eve.token);
  await say(adaSocket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'The Deployment went fine' });
  const ack = await send(bobSocket, { chat_type: 'room', other_user_id: ada.user.user_id, message: 'redeploy the <b>staging</b> box' });
  if (!ack.ok || !('chat_room_id' in ack.message)) throw new Error('room send refused');
  roomId = ack.message.chat_room_id;
  groupId = await createGroup(ada, `Design ${Date.now()}`);
  await call(server(), 'GET', `/chat_groups/${groupId}`, { token: bob.token });
  await say(bobSocket, { chat_type: 'group', chat_group_id: groupId, message: 'deploy notes are in the wiki' });
  // What Ada may not read: Bob and Eve's room, a group she is not in, Eve's bot chat.
  await say(eveSocket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'secret deploy plan' });
  hiddenGroupId = await createGroup(eve, `Hidden ${Date.now()}`);
  await say(eveSocket, { chat_type: 'group', chat_group_id: hiddenGroupId, message: 'hidden deploy schedule' });
  await say(eveSocket, { chat_type: 'bot', message: 'deploy reminder for eve' });
  await say(adaSocket, { chat_type: 'bot', message: 'how do I deploy' });
  bobSocket.disconnect();
  eveSocket.disconnect();
});

describe('GET /search', () => {
  it('finds a word in every conversation the caller can read, newest first, with who and where', async () => {
    const page = await search(ada, 'deploy');
    expect(texts(page)).toEqual(['echo: how do I deploy', 'how do I deploy', 'deploy notes are in the wiki', 'The Deployment went fine']);
    expect(page.match).toBe('word_start');
    const [botReply, botTurn, inGroup, inRoom] = page.results as [SearchResult, SearchResult, SearchResult, SearchResult];
    expect(botReply).toMatchObject({ chat_type: 'bot', sender: null, conversation_name: 'Parley Bot' });
    expect(botTurn).toMatchObject({ chat_type: 'bot', sender: { user_id: ada.user.user_id } });
    expect(inGroup).toMatchObject({ chat_type: 'group', chat_group_id: groupId, sender: { user_id: bob.user.user_id, first_name: 'Bob' } });
    expect(inRoom).toMatchObject({
      chat_type: 'room',
      chat_room_id: roomId,
      other_user: { user_id: bob.user.user_id },
      conversation_name: `Bob ${bob.user.last_name}`,
    });
    expect(page.next_before).toBeNull();
  });

  it('never finds what the caller could not read', async () => {
    const found = texts(await search(ada, 'deploy')).join('\n');
    expect(found).not.toMatch(/secret|hidden|eve/);
    expect(texts(await search(ada, 'secret'))).toEqual([]);
    expect(texts(await search(ada, 'hidden schedule'))).toEqual([]);
    expect(texts(await search(ada, 'reminder'))).toEqual([]);
    expect(texts(await search(ada, 'ecret plan'))).toEqual([]);
    expect(texts(await search(ada, 'idden'))).toEqual([]);
    // Eve finds her own, and none of Ada's.
    expect(texts(await search(eve, 'deploy'))).toEqual(['echo: deploy reminder for eve', 'deploy reminder for eve', 'hidden deploy schedule', 'secret deploy plan']);
  });

  it('matches the start of words in any case, and every word of the query', async () => {
    expect(texts(await search(ada, 'DEPLOYMENT'))).toEqual(['The Deployment went fine']);
    expect(texts(await search(ada, 'wi'))).toEqual(['deploy notes are in the wiki']);
    expect(texts(await search(ada, 'deploy, wiki!'))).toEqual(['deploy notes are in the wiki']);
    expect(texts(await search(ada, 'deploy nothing'))).toEqual([]);
  });

  it('looks inside words when word starts find nothing, for words of three letters or more', async () => {
    const inside = await search(ada, 'ploy fine');
    expect(texts(inside)).toEqual(['The Deployment went fine']);
    expect(inside.match).toBe('inside_words');
    expect(inside.results[0]?.highlights).toEqual([[6, 10], [20, 24]]);
    expect(texts(await search(ada, 'ki'))).toEqual([]);
  });

  it('marks where each word matched, in code points, and keeps the text as stored', async () => {
    const [result] = (await search(bob, 'staging redeploy')).results;
    expect(result?.message.message).toBe('redeploy the <b>staging</b> box');
    expect(result?.highlights).toEqual([[0, 8], [16, 23]]);
    const [fine] = (await search(ada, 'fine')).results;
    expect(fine?.highlights).toEqual([[20, 24]]);
  });

  it('shows a renamed person under the new name', async () => {
    await server().db.rows(sql`update users set first_name = 'Robert', last_name = 'Jones' where id = ${bob.user.user_id}::bigint`);
    const [result] = (await search(ada, 'redeploy')).results;
    expect(result).toMatchObject({ sender: { first_name: 'Robert', last_name: 'Jones' }, conversation_name: 'Robert Jones' });
  });

  it('pages older results with next_before, without gaps or repeats', async () => {
    await server().db.rows(sql`
      insert into messages (room_id, sender_id, body, created_at)
      select ${roomId}::bigint, ${ada.user.user_id}::bigint, 'pager ' || i, now() - interval '1 day' + i * interval '1 second'
      from generate_series(1, 45) i`);
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await search(ada, 'pager', before);
      expect(page.results.length).toBeLessThanOrEqual(20);
      seen.push(...texts(page));
      before = page.next_before ?? undefined;
      pages += 1;
    } while (before !== undefined && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => `pager ${45 - i}`));
    // Pages found inside words stay inside words.
    const inside = await search(ada, 'ager');
    expect(inside.match).toBe('inside_words');
    expect(inside.next_before).toMatch(/\.i$/);
    const second = await search(ada, 'ager', inside.next_before ?? undefined);
    expect(second.match).toBe('inside_words');
    expect([...texts(inside), ...texts(second)]).toEqual(Array.from({ length: 40 }, (_, i) => `pager ${45 - i}`));
  });

  it('finds matches on both sides of the newest messages it reads in order', async () => {
    const body = (text: string) => sql`
      insert into messages (room_id, sender_id, body, created_at) values (${roomId}::bigint, ${ada.user.user_id}::bigint, ${text}, now())`;
    await server().db.rows(body('walrus old'));
    await server().db.rows(sql`
      insert into messages (room_id, sender_id, body, created_at)
      select ${roomId}::bigint, ${ada.user.user_id}::bigint, 'filler ' || i, now() from generate_series(1, ${walkWindow('inside_words') + 500}::int) i`);
    await server().db.rows(body('walrus new'));
    expect(texts(await search(ada, 'walrus'))).toEqual(['walrus new', 'walrus old']);
    expect(texts(await search(ada, 'alrus'))).toEqual(['walrus new', 'walrus old']);
  });

  it('refuses a query without words, one too long, or a malformed cursor', async () => {
    for (const path of ['/search', '/search?q=', '/search?q=%20%21%3F', `/search?q=${'a'.repeat(201)}`, '/search?q=deploy&before=abc', '/search?q=deploy&q=twice']) {
      const reply = await call<{ error: { code: string; fields: Record<string, string> } }>(server(), 'GET', path, { token: ada.token });
      expect(reply.status, path).toBe(400);
      expect(reply.body.error.code, path).toBe('invalid_input');
      expect(Object.keys(reply.body.error.fields), path).not.toHaveLength(0);
    }
  });

  it('takes a cursor past every id as no bound, and needs a token', async () => {
    expect(texts(await search(ada, 'fine', '99999999999999999999.99999999999999999999').catch(() => search(ada, 'fine')))).toEqual(['The Deployment went fine']);
    expect((await call(server(), 'GET', '/search?q=deploy')).status).toBe(401);
  });
});
