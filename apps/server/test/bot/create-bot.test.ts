import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.js';
import { ask, fakeLookup } from './fake-lookup.js';

function recordingFetch() {
  const calls: string[] = [];
  const fetch = async (input: string | URL | Request) => {
    calls.push(String(input));
    return new Response(JSON.stringify({ choices: [{ message: { content: 'from the model' } }] }), { status: 200 });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe('choosing the bot', () => {
  it('without an API URL the built-in bot answers and nothing is fetched', async () => {
    const { fetch, calls } = recordingFetch();
    const reply = await createBot({ timeoutMs: 1000 }, fakeLookup().lookup, { fetch }).reply(ask('tell me a story'));
    expect(reply).toMatch(/^I'm not sure what you mean/);
    expect(calls).toHaveLength(0);
  });

  it('a blank API URL also means the built-in bot', async () => {
    const { fetch, calls } = recordingFetch();
    await createBot({ apiUrl: '  ', timeoutMs: 1000 }, fakeLookup().lookup, { fetch }).reply(ask('tell me a story'));
    expect(calls).toHaveLength(0);
  });

  it('with an API URL free text goes to <apiUrl>/chat/completions', async () => {
    const { fetch, calls } = recordingFetch();
    const bot = createBot({ apiUrl: 'http://127.0.0.1:11434/v1', timeoutMs: 1000 }, fakeLookup().lookup, { fetch });
    expect(await bot.reply(ask('tell me a story'))).toBe('from the model');
    expect(calls).toEqual(['http://127.0.0.1:11434/v1/chat/completions']);
  });
});
