import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accountIpc, apiIpc, authIpc, chatIpc, serverIpc, serversIpc, uiIpc } from '@parley/shared/ipc';
import { withCatchUp, type ParleyApi } from '@parley/shared/client';
import { registerAccountHandlers } from '../../src/main/ipc/account-handlers.js';
import { registerApiHandlers } from '../../src/main/ipc/api-handlers.js';
import { registerAuthHandlers } from '../../src/main/ipc/auth-handlers.js';
import { registerChatHandlers } from '../../src/main/ipc/chat-handlers.js';
import { handleInvoke, type IpcGuard } from '../../src/main/ipc/guard.js';
import { registerServerHandlers } from '../../src/main/ipc/server-handlers.js';
import { registerServersHandlers } from '../../src/main/ipc/servers-handlers.js';
import type { ServerSwitcher } from '../../src/main/servers/server-switcher.js';
import { registerUiHandlers } from '../../src/main/ipc/ui-handlers.js';
import type { AccountService } from '../../src/main/session/account-service.js';
import type { AuthService } from '../../src/main/session/auth-service.js';
import type { ServerService } from '../../src/main/session/server-service.js';
import { isTrustedSender } from '../../src/main/security/sender.js';
import { FakeIpcMain, appOrigin } from './fakes/fake-ipc.js';

const ok = { ok: true, value: null } as const;
let ipc: FakeIpcMain;
let guard: IpcGuard;
let calls: string[];

/** Any method called on it records its name and answers with a result naming the method. */
function recorder<T>(): T {
  return new Proxy({}, { get: (_t, name) => (...args: unknown[]) => (calls.push(`${String(name)}:${JSON.stringify(args)}`), Promise.resolve(answerOf(String(name)))) }) as T;
}

const answerOf = (method: string) => ({ ok: true, value: { from: method } }) as const;

beforeEach(() => {
  ipc = new FakeIpcMain();
  calls = [];
  guard = { ipc, isTrusted: (event) => isTrustedSender(event, appOrigin) };
  const server = recorder<ServerService>();
  registerServerHandlers(guard, { server, join: (url) => server.join(url) });
  registerServersHandlers(guard, recorder<ServerSwitcher>());
  registerAuthHandlers(guard, recorder<AuthService>());
  registerAccountHandlers(guard, recorder<AccountService>());
  registerApiHandlers(guard, recorder<ParleyApi>(), () => calls.push('markedRead'));
  registerChatHandlers(guard, recorder());
  registerUiHandlers(guard, { setActiveConversation: (c) => void calls.push(`active:${JSON.stringify(c)}`), openExternal: async (url) => void calls.push(`open:${url}`) });
});

describe('IPC handlers', () => {
  it('every channel of the contracts has a handler', () => {
    const invokeChannels = [serverIpc, serversIpc, authIpc, accountIpc, apiIpc, chatIpc].flatMap((domain) => Object.values(domain).map((c) => c.channel));
    for (const channel of invokeChannels) expect(ipc.handlers.has(channel), channel).toBe(true);
    expect(ipc.handlers.has(uiIpc.openExternal.channel)).toBe(true);
    expect(ipc.listeners.has(uiIpc.setActiveConversation.channel)).toBe(true);
  });

  it('a well-formed call reaches the service', async () => {
    expect(await ipc.invoke(authIpc.login.channel, [{ email: 'Ada@Example.com ', password: 'secret-pass' }])).toEqual(answerOf('login'));
    expect(calls).toEqual(['login:[{"email":"ada@example.com","password":"secret-pass"}]']);
  });

  it.each([
    ['server.current', serverIpc.current.channel, [], 'current'],
    ['server.join', serverIpc.join.channel, ['https://chat.example.com'], 'join'],
    ['auth.session', authIpc.session.channel, [], 'session'],
    ['auth.keepsSignIn', authIpc.keepsSignIn.channel, [], 'keepsSignIn'],
    ['api.users', apiIpc.users.channel, [], 'users'],
    ['api.chatRooms', apiIpc.chatRooms.channel, [], 'chatRooms'],
    ['api.chatRoom', apiIpc.chatRoom.channel, [7, { until: 3 }], 'chatRoom'],
    ['api.chatGroups', apiIpc.chatGroups.channel, [], 'chatGroups'],
    ['api.createGroup', apiIpc.createGroup.channel, [{ chat_group_name: 'Ops' }], 'createGroup'],
    ['auth.requestPasswordReset', authIpc.requestPasswordReset.channel, ['ada@example.com'], 'requestPasswordReset'],
    ['account.sessions', accountIpc.sessions.channel, [], 'sessions'],
    ['account.endSession', accountIpc.endSession.channel, [12], 'endSession'],
    ['account.endOtherSessions', accountIpc.endOtherSessions.channel, [], 'endOtherSessions'],
    ['account.changePassword', accountIpc.changePassword.channel, [{ current_password: 'old one', new_password: 'a new one!' }], 'changePassword'],
    ['account.updateMe', accountIpc.updateMe.channel, [{ first_name: 'Ada', last_name: 'King' }], 'updateMe'],
    ['chat.send', chatIpc.send.channel, [{ chat_type: 'bot', message: 'hi' }], 'send'],
    ['chat.leaveGroup', chatIpc.leaveGroup.channel, [3], 'leaveGroup'],
    ['servers.add', serversIpc.add.channel, ['https://team.example.org'], 'add'],
    ['servers.switchTo', serversIpc.switchTo.channel, ['https://team.example.org', { kind: 'bot' }], 'switchTo'],
    ['servers.remove', serversIpc.remove.channel, ['https://team.example.org'], 'remove'],
  ])('%s answers with what its service returned', async (_name, channel, args, method) => {
    expect(await ipc.invoke(channel, args)).toEqual(answerOf(method));
  });

  it('a mark-read answers null once the server confirmed it, and a failure as it came', async () => {
    expect(await ipc.invoke(apiIpc.markRead.channel, [{ chat_group_id: 4 }])).toEqual(ok);
    const local = new FakeIpcMain();
    const refused = { ok: false, error: { code: 'not_found', message: 'no such group' } } as const;
    const marked: unknown[] = [];
    registerApiHandlers({ ipc: local, isTrusted: () => true }, { markRead: async () => refused } as unknown as ParleyApi, (r) => marked.push(r));
    expect([await local.invoke(apiIpc.markRead.channel, [{ chat_group_id: 4 }]), marked]).toEqual([refused, []]);
  });

  it('a call from a foreign page is refused with forbidden and reaches nothing', async () => {
    const answer = await ipc.invoke(authIpc.session.channel, [], 'https://evil.example/');
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('a call from a frame with no URL is refused', async () => {
    const handler = ipc.handlers.get(apiIpc.users.channel)!;
    expect(await handler({ senderFrame: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it.each([
    ['login without a password', authIpc.login.channel, [{ email: 'a@b.co' }]],
    ['login with a bad email', authIpc.login.channel, [{ email: 'nope', password: 'x' }]],
    ['register with a short password', authIpc.register.channel, [{ email: 'a@b.co', password: 'short', first_name: 'A', last_name: 'B' }]],
    ['join with a javascript: URL', serverIpc.join.channel, ['javascript:alert(1)']],
    ['join with a number', serverIpc.join.channel, [42]],
    ['a room id that is a string', apiIpc.chatRoom.channel, ['7', {}]],
    ['a negative room id', apiIpc.chatRoom.channel, [-7, {}]],
    ['a page with an unknown field', apiIpc.chatGroup.channel, [1, { before: 3 }]],
    ['a fractional until', apiIpc.botHistory.channel, [{ until: 1.5 }]],
    ['mark-read with both ids', apiIpc.markRead.channel, [{ chat_room_id: 1, chat_group_id: 2 }]],
    ['a group name of spaces', apiIpc.renameGroup.channel, [1, '   ']],
    ['an empty message', chatIpc.send.channel, [{ chat_type: 'room', other_user_id: 2, message: '   ' }]],
    ['a message with NUL', chatIpc.send.channel, [{ chat_type: 'bot', message: 'a\u0000b' }]],
    ['an unknown chat type', chatIpc.send.channel, [{ chat_type: 'broadcast', message: 'hi' }]],
    ['a leave without a group id', chatIpc.leaveGroup.channel, []],
    ['extra arguments', authIpc.logout.channel, ['surprise']],
    ['a prototype-polluting object', authIpc.login.channel, [JSON.parse('{"__proto__":{"admin":true},"email":"a@b.co"}')]],
  ])('a malformed message is refused with invalid_input: %s', async (_name, channel, args) => {
    const answer = await ipc.invoke(channel, args);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it('invalid_input names the field that failed', async () => {
    const answer = await ipc.invoke(authIpc.register.channel, [{ email: 'a@b.co', password: 'short', first_name: 'A', last_name: 'B' }]);
    expect(answer).toMatchObject({ error: { fields: { '0.password': expect.any(String) } } });
  });

  it('a handler that throws answers internal, never a stack trace', async () => {
    const local = new FakeIpcMain();
    handleInvoke({ ipc: local, isTrusted: () => true }, authIpc.session, () => {
      throw new Error('boom at /home/secret/file.ts:12');
    });
    const answer = await local.invoke(authIpc.session.channel, []);
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong in Parley.' } });
  });

  it('openExternal opens an https link', async () => {
    expect(await ipc.invoke(uiIpc.openExternal.channel, ['https://example.com/docs'])).toEqual(ok);
    expect(calls).toEqual(['open:https://example.com/docs']);
  });

  it('openExternal refuses a file: link', async () => {
    expect(await ipc.invoke(uiIpc.openExternal.channel, ['file:///etc/passwd'])).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it('the active conversation is recorded; a malformed one is dropped', () => {
    ipc.send(uiIpc.setActiveConversation.channel, [{ kind: 'group', groupId: 3 }]);
    ipc.send(uiIpc.setActiveConversation.channel, [{ kind: 'group', groupId: 'x' }]);
    ipc.send(uiIpc.setActiveConversation.channel, [null]);
    ipc.send(uiIpc.setActiveConversation.channel, [{ kind: 'bot' }], 'https://evil.example/');
    expect(calls).toEqual(['active:{"kind":"group","groupId":3}', 'active:null']);
  });

  it('a successful mark-read updates the unread state', async () => {
    await ipc.invoke(apiIpc.markRead.channel, [{ chat_room_id: 4 }]);
    expect(calls).toContain('markedRead');
  });

  it('history with after, through the REST client with catch-up, follows every page', async () => {
    const local = new FakeIpcMain();
    const m = (id: number) => ({ id, user_id: 1, message: 'x', timestamp: '2026-11-24T09:30:00.000Z' });
    const chatRoom = vi.fn(async (_roomId: number, page: { after?: number }) => {
      const after = page.after ?? 0;
      const ids = Array.from({ length: Math.min(100, Math.max(0, 200 - after)) }, (_, i) => after + 1 + i);
      return { ok: true as const, value: { chat_room_id: 1, other_user: { user_id: 2, first_name: 'B', last_name: 'B', online: true }, messages: ids.map(m), has_more: after + 100 < 200 } };
    });
    registerApiHandlers({ ipc: local, isTrusted: () => true }, withCatchUp({ chatRoom } as unknown as ParleyApi), () => undefined);
    const answer = (await local.invoke(apiIpc.chatRoom.channel, [1, { after: 10 }])) as { value: { messages: { id: number }[] } };
    expect(answer.value.messages.map((x) => x.id)).toEqual(Array.from({ length: 190 }, (_, i) => 11 + i));
    expect(chatRoom.mock.calls.map((c) => c[1])).toEqual([{ after: 10 }, { after: 110 }]);
  });
});
