import { randomUUID } from 'node:crypto';
import type { BotHistoryResponse, BotMessage, BotMessageEvent } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { call, signUp } from './support/http.js';
import { useServer } from './support/server.js';
import { collect, connect, nextEvent, send, sleep } from './support/sockets.js';

const server = useServer();

describe('bot chat', () => {
  it('the ack carries the stored user message and every socket of the sender gets [user, bot]', async () => {
    const ada = await signUp(server());
    const first = await connect(server().url, ada.token);
    const second = await connect(server().url, ada.token);
    const events = [first, second].map((s) => nextEvent(s, 'message'));
    const ack = await send(first, { chat_type: 'bot', message: 'help' });
    expect(ack).toEqual({
      ok: true,
      message: { id: expect.any(Number), is_user: true, message: 'help', timestamp: expect.any(String) },
    });
    const question = (ack as { message: BotMessage }).message;
    for (const event of await Promise.all(events)) {
      expect(event).toEqual({
        chat_type: 'bot',
        messages: [question, { id: expect.any(Number), is_user: false, message: 'echo: help', timestamp: expect.any(String) }],
      });
    }
  });

  it('another user’s sockets do not receive my bot conversation', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const adaSocket = await connect(server().url, ada.token);
    const bobSocket = await connect(server().url, bob.token);
    const bobSeen = collect(bobSocket, 'message');
    const reply = nextEvent(adaSocket, 'message');
    await send(adaSocket, { chat_type: 'bot', message: 'secret' });
    await reply;
    await sleep(100);
    expect(bobSeen).toHaveLength(0);
  });

  it('GET /chat_bot and /chat-bot answer the conversation oldest first', async () => {
    const ada = await signUp(server());
    const socket = await connect(server().url, ada.token);
    for (const text of ['one', 'two']) {
      const reply = nextEvent(socket, 'message');
      await send(socket, { chat_type: 'bot', message: text });
      await reply;
    }
    for (const path of ['/chat_bot', '/chat-bot']) {
      const history = await call<BotHistoryResponse>(server(), 'GET', path, { token: ada.token });
      expect(history.status).toBe(200);
      expect(history.body.messages.map((m) => [m.is_user, m.message])).toEqual([
        [true, 'one'],
        [false, 'echo: one'],
        [true, 'two'],
        [false, 'echo: two'],
      ]);
      expect(history.body.has_more).toBe(false);
    }
  });

  it('the bot is asked with the earlier turns as history, oldest first', async () => {
    const ada = await signUp(server(), { first: 'Ada' });
    const socket = await connect(server().url, ada.token);
    for (const text of ['first question', 'second question']) {
      const reply = nextEvent(socket, 'message');
      await send(socket, { chat_type: 'bot', message: text });
      await reply;
    }
    const request = server().bot.requests.at(-1)!;
    expect(request.user).toEqual({ user_id: ada.user.user_id, first_name: 'Ada', last_name: 'User' });
    expect(request.text).toBe('second question');
    expect(request.history.map((turn) => [turn.isUser, turn.text])).toEqual([
      [true, 'first question'],
      [false, 'echo: first question'],
    ]);
  });

  it('a retried bot message returns the first one and does not ask the bot again', async () => {
    const ada = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const clientId = randomUUID();
    const reply = nextEvent(socket, 'message');
    const first = await send(socket, { chat_type: 'bot', message: 'once', client_id: clientId });
    const event = (await reply) as BotMessageEvent;
    expect(event.messages[0]?.client_id).toBe(clientId);
    const asked = server().bot.requests.length;
    expect(await send(socket, { chat_type: 'bot', message: 'once', client_id: clientId })).toEqual(first);
    await sleep(100);
    expect(server().bot.requests.length).toBe(asked);
  });

  it('without a token the bot history answers 401', async () => {
    expect((await call(server(), 'GET', '/chat_bot')).status).toBe(401);
  });
});
