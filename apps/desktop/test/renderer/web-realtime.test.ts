import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationRequest } from '@parley/shared/client';
import type { ConnectionState, ConversationRef, ParleyBridge, ServerEvent } from '@parley/shared/ipc';
import { createWebBridge } from '../../src/renderer/src/bridge/web';
import { FakeSocket } from '../../../../packages/shared/test/client/fakes/fake-socket';
import { FakeTimers } from '../../../../packages/shared/test/client/fakes/fake-timers';

// The web bridge's realtime and notification paths, with the client core driven by a fake
// socket and a hand-moved clock; REST answers come from a stubbed `window.fetch`.
const base = 'http://127.0.0.1:1';
const ts = '2026-11-24T09:30:00.000Z';
const ada = { user_id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' };
const bob = { user_id: 2, first_name: 'Bob', last_name: 'Byte', online: true };

let sockets: FakeSocket[];
let timers: FakeTimers;
let shown: NotificationRequest[];
let clicks: (() => void)[];
let visible: boolean;
let bridge: ParleyBridge;
let states: ConnectionState[];
let events: ServerEvent[];
let opened: ConversationRef[];
let stored: Map<string, string>;

const latest = () => sockets.at(-1)!;

function stubFetch(answer: (url: URL) => { status: number; body: unknown }) {
  const page = {
    fetch: (url: string) => {
      const { status, body } = answer(new URL(url));
      return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
    },
  };
  vi.stubGlobal('window', page);
}

function routes(url: URL): { status: number; body: unknown } {
  if (url.pathname === '/login') return { status: 200, body: { token: 'tok_1', user: ada } };
  if (url.pathname === '/users') return { status: 200, body: { users: [{ ...ada, online: true }, bob] } };
  if (url.pathname === '/chat_groups') return { status: 200, body: { chat_groups: [{ chat_group_id: 3, chat_group_name: 'Ops', author_id: 2, member_count: 2 }] } };
  return { status: 404, body: { error: { code: 'not_found', message: 'no' } } };
}

beforeEach(async () => {
  sockets = [];
  timers = new FakeTimers();
  shown = [];
  clicks = [];
  visible = true;
  states = [];
  events = [];
  opened = [];
  stored = new Map();
  stubFetch(routes);
  const storage = {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  } as Storage;
  bridge = createWebBridge(base, storage, {
    socketFactory: (url, token) => {
      const socket = new FakeSocket(url, token);
      sockets.push(socket);
      return socket;
    },
    timers,
    notifier: {
      show: (request, onClick) => {
        shown.push(request);
        clicks.push(onClick);
      },
      askPermission: () => undefined,
    },
    visible: () => visible,
  });
  bridge.events.onConnectionState((state) => states.push(state));
  bridge.events.onServerEvent((event) => events.push(event));
  bridge.events.onOpenConversation((conversation) => opened.push(conversation));
  await bridge.auth.login({ email: ada.email, password: 'correct horse battery' });
  await Promise.all([bridge.api.users(), bridge.api.chatGroups()]);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const fromBob = (message: string) =>
  latest().serverSends('message', { chat_type: 'room', id: 10, user_id: 2, chat_room_id: 7, message, timestamp: ts });

describe('web bridge socket', () => {
  it('signing in opens the socket on the page origin with the new token', () => {
    latest().serverAccepts();
    expect([latest().url, latest().token, states]).toEqual([base, 'tok_1', [{ status: 'connecting' }, { status: 'connected' }]]);
  });

  it('server events reach the page parsed; malformed and unknown ones never do', () => {
    latest().serverAccepts();
    latest().serverSends('presence', { user_id: 2, online: false });
    latest().serverSends('presence', { user_id: 'two', online: false });
    latest().serverSends('surprise', {});
    expect(events).toEqual([{ event: 'presence', payload: { user_id: 2, online: false } }]);
  });

  it('a handshake refused as unauthorized signs the page out and forgets the token', () => {
    latest().refuses('unauthorized');
    timers.advance(60_000);
    expect([states.at(-1), stored.get('parley.session'), sockets.length]).toEqual([{ status: 'signed_out' }, undefined, 1]);
  });

  it('a handshake refused as unavailable keeps the token and tries again after the backoff', () => {
    latest().refuses('unavailable');
    expect(states.at(-1)).toEqual({ status: 'reconnecting', attempt: 1, retryInMs: expect.any(Number) });
    timers.advance(30_000);
    expect([sockets.length, latest().token, stored.has('parley.session')]).toEqual([2, 'tok_1', true]);
  });

  it('a lost connection comes back and asks the page to resync', () => {
    let resyncs = 0;
    bridge.events.onResync(() => resyncs++);
    latest().serverAccepts();
    latest().drops();
    timers.advance(30_000);
    latest().serverAccepts();
    expect([resyncs, states.at(-1)]).toEqual([1, { status: 'connected' }]);
  });

  it('a send while disconnected fails at once; once connected its acknowledgement is relayed', async () => {
    expect(await bridge.chat.send({ chat_type: 'bot', message: 'hi' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    latest().serverAccepts();
    const message = { id: 5, is_user: true, message: 'hi', timestamp: ts };
    latest().answer = () => Promise.resolve({ ok: true, message });
    expect(await bridge.chat.send({ chat_type: 'bot', message: 'hi' })).toEqual({ ok: true, message });
  });

  it('a malformed send is refused before it leaves the page', async () => {
    latest().serverAccepts();
    expect(await bridge.chat.send({ chat_type: 'bot', message: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(latest().sent).toEqual([]);
  });

  it('signing out closes the socket', async () => {
    latest().serverAccepts();
    await bridge.auth.logout();
    expect([latest().closed, states.at(-1)]).toEqual([true, { status: 'signed_out' }]);
  });
});

describe('web bridge notifications', () => {
  it('a message from someone in another conversation notifies with their name; a click opens it', () => {
    latest().serverAccepts();
    bridge.ui.setActiveConversation({ kind: 'bot' });
    fromBob('Lunch?');
    expect(shown).toEqual([{ conversation: { kind: 'room', userId: 2 }, key: 'user:2', title: 'Bob Byte', body: 'Lunch?' }]);
    clicks[0]!();
    expect(opened).toEqual([{ kind: 'room', userId: 2 }]);
  });

  it('the open conversation notifies only while the tab is hidden', () => {
    latest().serverAccepts();
    bridge.ui.setActiveConversation({ kind: 'room', userId: 2 });
    fromBob('seen');
    visible = false;
    fromBob('unseen');
    expect(shown.map((n) => n.body)).toEqual(['unseen']);
  });

  it('a group message names the group and the sender; a renamed group its new name', () => {
    latest().serverAccepts();
    latest().serverSends('group_updated', { chat_group_id: 3, chat_group_name: 'Ops team', author_id: 2 });
    latest().serverSends('message', { chat_type: 'group', id: 11, user_id: 2, chat_group_id: 3, message: 'Standup', timestamp: ts });
    expect(shown).toEqual([expect.objectContaining({ key: 'group:3', title: 'Ops team', body: 'Bob: Standup' })]);
  });

  it("one's own messages never notify", () => {
    latest().serverAccepts();
    latest().serverSends('message', { chat_type: 'room', id: 12, user_id: 1, chat_room_id: 7, message: 'mine', timestamp: ts });
    expect(shown).toEqual([]);
  });
});

describe('web bridge catch-up', () => {
  it('history with after follows every page, as on the desktop', async () => {
    const m = (id: number) => ({ id, user_id: 2, message: `m${id}`, timestamp: ts });
    stubFetch((url) => {
      const after = Number(url.searchParams.get('after'));
      const ids = Array.from({ length: Math.min(100, Math.max(0, 150 - after)) }, (_, i) => after + 1 + i);
      return { status: 200, body: { chat_room_id: 7, other_user: bob, messages: ids.map(m), has_more: after + 100 < 150 } };
    });
    const answer = await bridge.api.chatRoom(7, { after: 20 });
    expect(answer.ok && [answer.value.messages.length, answer.value.messages.at(-1)?.id, answer.value.has_more]).toEqual([130, 150, false]);
  });
});
