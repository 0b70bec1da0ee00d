import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '@parley/shared/ipc';
import { createWebBridge } from '../../src/renderer/src/bridge/web';

const base = 'http://127.0.0.1:1';
const ada = { user_id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' };

function memoryStorage(entries: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(entries));
  const storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
  return storage as Storage;
}

const signedIn = () => memoryStorage({ 'parley.session': JSON.stringify({ token: 'tok_1', user: ada }) });

/**
 * A page's `window` whose fetch behaves like the browser's: called on anything but the window
 * (a detached `const f = window.fetch; f(url)`), it throws "Illegal invocation".
 */
function stubWindow(status: number, body: unknown) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const page = {
    fetch(this: unknown, url: string, init?: RequestInit): Promise<Response> {
      if (this !== page) throw new TypeError("Failed to execute 'fetch' on 'Window': Illegal invocation");
      requests.push({ url, init });
      return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
    },
  };
  vi.stubGlobal('window', page);
  return requests;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('web bridge REST', () => {
  it("calls the page's fetch on window, as the browser requires", async () => {
    stubWindow(200, { users: [] });
    expect(await createWebBridge(base, signedIn()).api.users()).toEqual({ ok: true, value: { users: [] } });
  });

  it("sends the stored session's token in the authentication header", async () => {
    const requests = stubWindow(200, { users: [] });
    await createWebBridge(base, signedIn()).api.users();
    expect(requests[0]?.init?.headers).toMatchObject({ authentication: 'tok_1' });
  });

  it('builds the history query for a page', async () => {
    const requests = stubWindow(200, { messages: [], has_more: false });
    await createWebBridge(base, signedIn()).api.botHistory({ until: 812 });
    expect(requests[0]?.url).toBe(`${base}/chat_bot?until=812`);
  });

  it('a revoked token signs the web client out and forgets the session', async () => {
    stubWindow(401, { error: { code: 'unauthorized', message: 'Sign in.' } });
    const storage = signedIn();
    const bridge = createWebBridge(base, storage);
    const states: ConnectionState[] = [];
    bridge.events.onConnectionState((state) => states.push(state));
    await bridge.api.chatRooms();
    expect([states, storage.getItem('parley.session')]).toEqual([[{ status: 'signed_out' }], null]);
  });

  it('a stored session whose token is no longer valid resumes as signed out', async () => {
    stubWindow(401, { error: { code: 'unauthorized', message: 'Sign in.' } });
    expect(await createWebBridge(base, signedIn()).auth.session()).toEqual({ ok: true, value: null });
  });

  it('a stored session survives a server whose database is down (503): signed in, token kept', async () => {
    stubWindow(503, { error: { code: 'unavailable', message: 'Try again.' } });
    const storage = signedIn();
    const bridge = createWebBridge(base, storage);
    const states: ConnectionState[] = [];
    bridge.events.onConnectionState((state) => states.push(state));
    const session = await bridge.auth.session();
    const kept = storage.getItem('parley.session');
    await bridge.auth.logout();
    expect([session, kept, states[0]]).toEqual([{ ok: true, value: ada }, expect.stringContaining('tok_1'), { status: 'connecting' }]);
  });

  it('a stored session survives a network error', async () => {
    vi.stubGlobal('window', { fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    const storage = signedIn();
    const bridge = createWebBridge(base, storage);
    const session = await bridge.auth.session();
    const kept = storage.getItem('parley.session');
    await bridge.auth.logout();
    expect([session, kept]).toEqual([{ ok: true, value: ada }, expect.stringContaining('tok_1')]);
  });

  it('without a session an API call is refused before it is sent', async () => {
    const requests = stubWindow(200, { users: [] });
    const result = await createWebBridge(base, memoryStorage()).api.users();
    expect([result, requests.length]).toEqual([{ ok: false, error: { code: 'unauthorized', message: 'Sign in first.' } }, 0]);
  });
});
