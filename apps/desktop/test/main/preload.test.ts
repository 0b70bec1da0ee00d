import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountIpc, apiIpc, authIpc, chatIpc, eventChannels, filesIpc, serverIpc, serversIpc, uiIpc, type ParleyBridge } from '@parley/shared/ipc';

type Handler = (event: unknown, payload: unknown) => void;
const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<Handler>>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }));
const send = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    send: (...args: unknown[]) => send(...args),
    on: (channel: string, handler: Handler) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(handler);
    },
    removeListener: (channel: string, handler: Handler) => listeners.get(channel)?.delete(handler),
  },
}));

let bridge: ParleyBridge;
beforeAll(async () => {
  await import('../../src/preload/index.js');
  bridge = exposed.get('parley') as ParleyBridge;
});
beforeEach(() => {
  invoke.mockClear();
  send.mockClear();
});

const emit = (channel: string, payload?: unknown) => {
  for (const handler of listeners.get(channel) ?? []) handler({}, payload);
};

describe('preload bridge', () => {
  it('exposes exactly one object, window.parley', () => {
    expect([...exposed.keys()]).toEqual(['parley']);
    expect(bridge.platform).toBe('desktop');
  });

  it('offers named functions only: no generic invoke, no ipcRenderer', () => {
    const leaves: string[] = [];
    for (const [domain, value] of Object.entries(bridge)) {
      if (typeof value !== 'object') continue;
      for (const [name, fn] of Object.entries(value as object)) {
        expect(typeof fn).toBe('function');
        leaves.push(`${domain}.${name}`);
      }
    }
    expect(leaves.sort()).toEqual(
      [
        ...Object.keys(serverIpc).map((n) => `server.${n}`),
        ...Object.keys(serversIpc).map((n) => `servers.${n}`),
        ...Object.keys(authIpc).map((n) => `auth.${n}`),
        ...Object.keys(accountIpc).map((n) => `account.${n}`),
        ...Object.keys(apiIpc).map((n) => `api.${n}`),
        ...Object.keys(chatIpc).map((n) => `chat.${n}`),
        ...Object.keys(uiIpc).map((n) => `ui.${n}`),
        ...Object.keys(filesIpc).map((n) => `files.${n}`),
        'events.onUploadProgress',
        'events.onConnectionState',
        'events.onOpenConversation',
        'events.onResync',
        'events.onServerEvent',
        'events.onServersChanged',
      ].sort(),
    );
  });

  it('each function calls its own channel with its arguments', async () => {
    await bridge.api.chatGroup(3, { until: 50 });
    await bridge.server.join('https://chat.example');
    await bridge.chat.send({ chat_type: 'group', chat_group_id: 3, message: 'hi' });
    expect(invoke.mock.calls).toEqual([
      [apiIpc.chatGroup.channel, 3, { until: 50 }],
      [serverIpc.join.channel, 'https://chat.example'],
      [chatIpc.send.channel, { chat_type: 'group', chat_group_id: 3, message: 'hi' }],
    ]);
  });

  it('the active conversation is sent one-way', () => {
    bridge.ui.setActiveConversation({ kind: 'room', userId: 2 });
    expect(send).toHaveBeenCalledWith(uiIpc.setActiveConversation.channel, { kind: 'room', userId: 2 });
  });

  it('a valid server event reaches the listener', () => {
    const seen: unknown[] = [];
    const off = bridge.events.onServerEvent((event) => seen.push(event));
    emit(eventChannels.serverEvent, { event: 'presence', payload: { user_id: 3, online: false } });
    off();
    expect(seen).toEqual([{ event: 'presence', payload: { user_id: 3, online: false } }]);
  });

  it('a malformed event from main is dropped in the preload', () => {
    const seen: unknown[] = [];
    const off = bridge.events.onServerEvent((event) => seen.push(event));
    emit(eventChannels.serverEvent, { event: 'presence', payload: { user_id: 'x' } });
    emit(eventChannels.serverEvent, { event: 'eval', payload: 'alert(1)' });
    off();
    const states: unknown[] = [];
    const offState = bridge.events.onConnectionState((state) => states.push(state));
    emit(eventChannels.connectionState, { status: 'reconnecting', attempt: -1, retryInMs: 5 });
    emit(eventChannels.connectionState, { status: 'reconnecting', attempt: 2, retryInMs: 4000 });
    offState();
    expect(seen).toEqual([]);
    expect(states).toEqual([{ status: 'reconnecting', attempt: 2, retryInMs: 4000 }]);
  });

  it('unsubscribing stops the events', () => {
    let resyncs = 0;
    const off = bridge.events.onResync(() => resyncs++);
    emit(eventChannels.resync);
    off();
    emit(eventChannels.resync);
    expect(resyncs).toBe(1);
  });

  it('a notification click opens the conversation it names', () => {
    const opened: unknown[] = [];
    const off = bridge.events.onOpenConversation((c) => opened.push(c));
    emit(eventChannels.openConversation, { kind: 'group', groupId: 3 });
    emit(eventChannels.openConversation, { kind: 'group' });
    off();
    expect(opened).toEqual([{ kind: 'group', groupId: 3 }]);
  });
});
