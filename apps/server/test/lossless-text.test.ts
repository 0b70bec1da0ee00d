import type {
  BotHistoryResponse,
  ChatGroup,
  ChatGroupResponse,
  ChatRoomResponse,
  GroupChatMessage,
  NotificationsResponse,
  RoomChatMessage,
} from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { call, signUp } from './support/http.js';
import { textOf } from './support/history.js';
import { useServer } from './support/server.js';
import { connect, nextEvent, send } from './support/sockets.js';

const server = useServer();

/** Texts a careless decoder, trimmer or normaliser would change; each must come back as sent. */
const texts: readonly string[] = [
  '\uFEFFstarts with a byte-order mark',
  '\uFEFFa',
  'a\uFEFF',
  'zero\u200Bwidth',
  'caf\u0065\u0301 (NFD)',
  'caf\u00E9 (NFC)',
  '  spaced out  ',
  '\n\nnewlines around\n\n',
  'line one\r\nline two\r\n',
  '👩🏽‍💻 🏳️‍🌈 𝄞',
  '😀'.repeat(4000),
  // Quotes and backslashes of every kind SQL text could trip on (message batches travel as literals).
  "it's ''quoted'' \\ and \\' and E'\\x41' and $$dollar$$ and \\u0041 and \"json\"",
  '\\',
  "'",
];

function expectSameTexts(actual: readonly string[], expected: readonly string[] = texts): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((text, i) => {
    // Buffers compare byte by byte, and a failure shows which bytes differ.
    expect(Buffer.from(text, 'utf8'), `text ${i}`).toEqual(Buffer.from(expected[i]!, 'utf8'));
  });
}

describe('message text is stored and delivered exactly as sent', () => {
  // Eleven sends, one of 4,000 emoji, and three pages: slow on a busy machine, hence the bound.
  it('in a room: the ack, the delivery, history pages and after catch-up', { timeout: 45_000 }, async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const adaSocket = await connect(server().url, ada.token);
    const bobSocket = await connect(server().url, bob.token);
    const acked: RoomChatMessage[] = [];
    const delivered: string[] = [];
    for (const text of texts) {
      const delivery = nextEvent(bobSocket, 'message', (m) => m.chat_type === 'room' && m.user_id === ada.user.user_id);
      const ack = await send(adaSocket, { chat_type: 'room', other_user_id: bob.user.user_id, message: text });
      if (!ack.ok || !('chat_room_id' in ack.message)) throw new Error(`send refused: ${JSON.stringify(ack)}`);
      acked.push(ack.message);
      const event = await delivery;
      delivered.push('message' in event ? event.message : '');
    }
    expectSameTexts(acked.map((m) => m.message));
    expectSameTexts(delivered);

    const roomId = acked[0]!.chat_room_id;
    const page = await call<ChatRoomResponse>(server(), 'GET', `/chat_rooms/${roomId}`, { token: bob.token });
    expectSameTexts(page.body.messages.map(textOf));
    const caughtUp = await call<ChatRoomResponse>(server(), 'GET', `/chat_rooms/${roomId}?after=${acked[0]!.id}`, { token: bob.token });
    expectSameTexts(caughtUp.body.messages.map(textOf), texts.slice(1));
    const older = await call<ChatRoomResponse>(server(), 'GET', `/chat_rooms/${roomId}?until=${acked.at(-1)!.id}`, { token: bob.token });
    expectSameTexts(older.body.messages.map(textOf), texts.slice(0, -1));
  });

  // One send and one GET /notifications per text: slow on a busy machine, hence the bound.
  it('in GET /notifications: each room’s last_message', { timeout: 45_000 }, async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const adaSocket = await connect(server().url, ada.token);
    const lastMessages: string[] = [];
    for (const text of texts) {
      const ack = await send(adaSocket, { chat_type: 'room', other_user_id: bob.user.user_id, message: text });
      if (!ack.ok || !('chat_room_id' in ack.message)) throw new Error(`send refused: ${JSON.stringify(ack)}`);
      const roomId = ack.message.chat_room_id;
      const notifications = await call<NotificationsResponse>(server(), 'GET', '/notifications', { token: bob.token });
      const entry = notifications.body.notifications.find((n) => 'chat_room_id' in n && n.chat_room_id === roomId);
      lastMessages.push(entry?.last_message ? textOf(entry.last_message) : '');
    }
    expectSameTexts(lastMessages);
  });

  it('in a group: the ack, the delivery to another member and the history', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const created = await call<ChatGroup>(server(), 'POST', '/chat_groups', {
      token: ada.token,
      body: { chat_group_name: `Exact ${Date.now()}` },
    });
    const groupId = created.body.chat_group_id;
    const adaSocket = await connect(server().url, ada.token);
    const bobSocket = await connect(server().url, bob.token);
    await call(server(), 'GET', `/chat_groups/${groupId}`, { token: bob.token });
    const acked: string[] = [];
    const delivered: string[] = [];
    for (const text of texts) {
      const delivery = nextEvent(bobSocket, 'message', (m) => m.chat_type === 'group' && m.chat_group_id === groupId);
      const ack = await send(adaSocket, { chat_type: 'group', chat_group_id: groupId, message: text });
      if (!ack.ok) throw new Error(`send refused: ${JSON.stringify(ack)}`);
      acked.push(ack.message.message);
      delivered.push(((await delivery) as GroupChatMessage).message);
    }
    expectSameTexts(acked);
    expectSameTexts(delivered);
    const history = await call<ChatGroupResponse>(server(), 'GET', `/chat_groups/${groupId}`, { token: bob.token });
    expectSameTexts(history.body.messages.map(textOf));
  });

  it('in the bot chat: the ack, the [user, bot] event, what the bot is asked and the history', async () => {
    const ada = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const acked: string[] = [];
    const echoed: string[] = [];
    for (const text of texts) {
      const event = nextEvent(socket, 'message', (m) => m.chat_type === 'bot');
      const ack = await send(socket, { chat_type: 'bot', message: text });
      if (!ack.ok) throw new Error(`send refused: ${JSON.stringify(ack)}`);
      acked.push(ack.message.message);
      const turns = await event;
      echoed.push('messages' in turns ? (turns.messages[0]?.message ?? '') : '');
    }
    expectSameTexts(acked);
    expectSameTexts(echoed);
    expectSameTexts(server().bot.requests.slice(-texts.length).map((r) => r.text));
    const history = await call<BotHistoryResponse>(server(), 'GET', '/chat_bot', { token: ada.token });
    expectSameTexts(history.body.messages.filter((m) => m.is_user).map((m) => m.message));
    // The fake bot answers "echo: <text>": a reply keeps its text too.
    expect(history.body.messages.find((m) => !m.is_user)?.message).toBe(`echo: ${texts[0]}`);
  });

  it('a message of only white space and invisible characters is refused with invalid_input', async () => {
    const ada = await signUp(server());
    const socket = await connect(server().url, ada.token);
    for (const text of ['\u200B', '\uFEFF', ' \u200B\uFEFF\n', '\u2060']) {
      const ack = await send(socket, { chat_type: 'bot', message: text });
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});
