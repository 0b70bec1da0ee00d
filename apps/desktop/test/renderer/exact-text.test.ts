import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebBridge } from '../../src/renderer/src/bridge/web';
import { sendMessage } from '../../src/renderer/src/actions/send-actions';
import { openConversation } from '../../src/renderer/src/actions/conversation-actions';
import { chatMessage, setup } from './fake-bridge';

const base = 'http://127.0.0.1:1';
const ada = { user_id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' };
const exact = '\uFEFF  caf\u0065\u0301 zero\u200Bwidth\r\n👩🏽‍💻\n';

function signedIn(): Storage {
  const items = new Map([['parley.session', JSON.stringify({ token: 'tok_1', user: ada })]]);
  return { getItem: (key: string) => items.get(key) ?? null, setItem: () => undefined, removeItem: () => undefined } as unknown as Storage;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('message text in the client', () => {
  it('the web bridge refuses a message that shows nothing before it reaches the socket', async () => {
    const bridge = createWebBridge(base, signedIn());
    for (const message of ['\u200B', '\uFEFF', ' \u200B\uFEFF\n']) {
      expect(await bridge.chat.send({ chat_type: 'bot', message })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('a send keeps every code point, in the payload, the pending row and the stored row', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.chat.send).mockResolvedValue({ ok: true, message: { ...chatMessage(7, 1, exact), chat_room_id: 40 } });
    await openConversation(ctx, 'user:2');
    await sendMessage(ctx, 'user:2', exact);
    expect(vi.mocked(ctx.bridge.chat.send).mock.calls[0]?.[0]).toMatchObject({ message: exact });
    expect(ctx.store.getState().conversations['user:2']?.messages.map((m) => m.text)).toEqual([exact]);
  });

  it('history read through the web bridge keeps a leading U+FEFF', async () => {
    const page = {
      fetch(): Promise<Response> {
        const body = { messages: [{ id: 1, is_user: true, message: exact, timestamp: '2026-11-24T09:30:00.000Z' }], has_more: false };
        return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
      },
    };
    vi.stubGlobal('window', page);
    const result = await createWebBridge(base, signedIn()).api.botHistory({});
    expect(result.ok && result.value.messages[0]?.message).toBe(exact);
  });
});
