import { afterEach, describe, expect, it } from 'vitest';
import { codePointLength, limits } from '@parley/shared';
import { createBot, type BotConfig } from '../../src/bot/create-bot.js';
import { maxHistoryTurns } from '../../src/bot/openai/completion.js';
import { ada, ask, bob, fakeLookup } from './fake-lookup.js';
import { completion, replyWith, startStub, type StubHandler } from './stub-completions-server.js';

const secret = 'sk-test-very-secret-key';
const unavailable = /^Sorry Ada, the assistant is unavailable right now\./;
const stubs: { close: () => Promise<void> }[] = [];

async function stub(handler: StubHandler) {
  const started = await startStub(handler);
  stubs.push(started);
  return started;
}

function botFor(url: string, config: Partial<BotConfig> = {}, warnings: string[] = []) {
  return createBot(
    { apiUrl: `${url}/v1`, model: 'llama3.2', timeoutMs: 2000, ...config },
    fakeLookup({ online: [ada, bob] }).lookup,
    { warn: (reason) => warnings.push(reason) },
  );
}

afterEach(async () => {
  await Promise.all(stubs.splice(0).map((s) => s.close()));
});

describe('OpenAI-compatible bot: the request', () => {
  it('posts the model, a system prompt naming the user, the history and the message to <apiUrl>/chat/completions', async () => {
    const server = await stub(replyWith(200, completion('Sure!')));
    const history = [
      { isUser: true, text: 'earlier question', at: new Date(0) },
      { isUser: false, text: 'earlier answer', at: new Date(0) },
    ];
    await botFor(server.url).reply(ask('write a haiku about Mondays', history));
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toMatchObject({
      model: 'llama3.2',
      messages: [
        { role: 'system', content: expect.stringMatching(/Parley's workspace assistant, chatting with Ada Lovelace/) },
        { role: 'user', content: 'earlier question' },
        { role: 'assistant', content: 'earlier answer' },
        { role: 'user', content: 'write a haiku about Mondays' },
      ],
    });
  });

  it('a trailing slash on the API URL is ignored', async () => {
    const server = await stub(replyWith(200, completion('ok')));
    await createBot({ apiUrl: `${server.url}/v1/`, timeoutMs: 2000 }, fakeLookup().lookup).reply(ask('tell me a joke'));
    expect(server.requests[0]?.url).toBe('/v1/chat/completions');
  });

  it('sends the API key as a bearer token when one is set', async () => {
    const server = await stub(replyWith(200, completion('ok')));
    await botFor(server.url, { apiKey: secret }).reply(ask('tell me a joke'));
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${secret}`);
  });

  it('sends no Authorization header without an API key', async () => {
    const server = await stub(replyWith(200, completion('ok')));
    await botFor(server.url).reply(ask('tell me a joke'));
    expect(server.requests[0]?.headers).not.toHaveProperty('authorization');
  });

  it(`sends at most the last ${maxHistoryTurns} turns of history`, async () => {
    const server = await stub(replyWith(200, completion('ok')));
    const history = Array.from({ length: 30 }, (_, i) => ({ isUser: i % 2 === 0, text: `turn ${i}`, at: new Date(0) }));
    await botFor(server.url).reply(ask('and now?', history));
    const body = server.requests[0]?.body as { messages: { content: string }[] };
    expect(body.messages).toHaveLength(maxHistoryTurns + 2);
    expect(body.messages[1]?.content).toBe('turn 10');
  });

  it('uses llama3.2 when no model is configured', async () => {
    const server = await stub(replyWith(200, completion('ok')));
    await createBot({ apiUrl: server.url, timeoutMs: 2000 }, fakeLookup().lookup).reply(ask('tell me a joke'));
    expect(server.requests[0]?.body).toMatchObject({ model: 'llama3.2' });
  });
});

describe('OpenAI-compatible bot: the answer', () => {
  it('returns the content of the first choice', async () => {
    const server = await stub(replyWith(200, completion('  Mondays again,\ncoffee holds the week upright.  ')));
    expect(await botFor(server.url).reply(ask('write a haiku'))).toBe('Mondays again,\ncoffee holds the week upright.');
  });

  it('leaves out a reasoning model\'s <think> section', async () => {
    const server = await stub(replyWith(200, completion('<think>hmm, a greeting</think>\nHello Ada!')));
    expect(await botFor(server.url).reply(ask('say hi'))).toBe('Hello Ada!');
  });

  it('cuts a long answer to the message limit', async () => {
    const server = await stub(replyWith(200, completion('é'.repeat(10_000))));
    const reply = await botFor(server.url).reply(ask('say a lot'));
    expect(codePointLength(reply)).toBe(limits.messageMaxCodePoints);
  });

  it('workspace commands are answered from workspace data, not by the model', async () => {
    const server = await stub(replyWith(200, completion('I cannot know that')));
    const reply = await botFor(server.url).reply(ask('who is online?'));
    expect(reply).toBe('1 other person is online right now:\n• Bob Marley');
    expect(server.requests).toHaveLength(0);
  });

  it('help says that other questions go to the model', async () => {
    const server = await stub(replyWith(200, completion('unused')));
    expect(await botFor(server.url).reply(ask('help'))).toContain('goes to the AI model llama3.2');
  });
});

describe('OpenAI-compatible bot: failures are polite', () => {
  it('an endpoint that never answers times out with a polite reply', async () => {
    const server = await stub(() => undefined);
    const warnings: string[] = [];
    const started = performance.now();
    const reply = await botFor(server.url, { timeoutMs: 150 }, warnings).reply(ask('are you there?'));
    expect(reply).toMatch(unavailable);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(warnings).toEqual(['bot completion failed: timed out']);
  });

  it('a 500 gets a polite reply that leaks neither the key nor the error text', async () => {
    const server = await stub(replyWith(500, '{"error":{"message":"model exploded at /srv/internal"}}'));
    const warnings: string[] = [];
    const reply = await botFor(server.url, { apiKey: secret }, warnings).reply(ask('hello model, tell me a story'));
    expect(reply).toMatch(unavailable);
    expect(reply).not.toContain(secret);
    expect(reply).not.toContain('exploded');
    expect(warnings).toEqual(['bot completion failed: HTTP 500']);
  });

  it('malformed JSON gets a polite reply', async () => {
    const server = await stub(replyWith(200, '{"choices": [ oops'));
    expect(await botFor(server.url).reply(ask('tell me a story'))).toMatch(unavailable);
  });

  it('JSON of the wrong shape gets a polite reply', async () => {
    const server = await stub(replyWith(200, '{"choices": []}'));
    expect(await botFor(server.url).reply(ask('tell me a story'))).toMatch(unavailable);
  });

  it('empty content gets a polite reply', async () => {
    const server = await stub(replyWith(200, completion('   ')));
    expect(await botFor(server.url).reply(ask('tell me a story'))).toMatch(unavailable);
  });

  it('null content gets a polite reply', async () => {
    const server = await stub(replyWith(200, completion(null)));
    expect(await botFor(server.url).reply(ask('tell me a story'))).toMatch(unavailable);
  });

  it('a response body over 1 MiB is refused politely', async () => {
    const server = await stub(replyWith(200, completion('x'.repeat(2 * 1024 * 1024))));
    const warnings: string[] = [];
    expect(await botFor(server.url, {}, warnings).reply(ask('tell me a story'))).toMatch(unavailable);
    expect(warnings).toEqual(['bot completion failed: response too large']);
  });

  it('an endpoint nobody listens on gets a polite reply', async () => {
    const server = await stub(replyWith(200, completion('ok')));
    await server.close();
    expect(await botFor(server.url).reply(ask('tell me a story'))).toMatch(unavailable);
  });

  it('a redirect is not followed, so the key never goes elsewhere', async () => {
    const elsewhere = await stub(replyWith(200, completion('stolen')));
    const server = await stub((_request, response) => {
      response.writeHead(307, { location: `${elsewhere.url}/v1/chat/completions` }).end();
    });
    const reply = await botFor(server.url, { apiKey: secret }).reply(ask('tell me a story'));
    expect(reply).toMatch(unavailable);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('an API URL that is not a URL gets a polite reply', async () => {
    const bot = createBot({ apiUrl: 'not a url', timeoutMs: 200 }, fakeLookup().lookup);
    expect(await bot.reply(ask('tell me a story'))).toMatch(unavailable);
  });
});
