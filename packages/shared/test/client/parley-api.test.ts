import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createParleyApi, type ParleyApi } from '../../src/client/index.js';
import { startFakeServer, type FakeServer } from './fake-server.js';

let server: FakeServer;
let api: ParleyApi;

beforeAll(async () => {
  server = await startFakeServer();
  api = createParleyApi({ fetch, baseUrl: () => server.base, token: () => 'tok_1' });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const self = { user_id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' };
const other = { user_id: 2, first_name: 'Bob', last_name: 'B', online: false };
const message = { id: 7, user_id: 2, message: 'hi', timestamp: '2026-11-24T09:30:00.000Z' };
const fileId = 'AAAAAAAAAAAAAAAAAAAAAA';
const group = { chat_group_id: 3, chat_group_name: 'Crew', author_id: 1 };

interface Endpoint {
  title: string;
  call: (api: ParleyApi) => Promise<unknown>;
  method: string;
  url: string;
  token: boolean;
  body?: unknown;
  answer: unknown;
}

// One row per REST endpoint of PROTOCOL.md: what goes on the wire, and an answer it accepts.
// Keyed by the client's functions, so a function without a row does not compile.
const endpoints: Record<keyof ParleyApi | 'chatGroupAround', Endpoint> = {
  health: {
    title: 'health is GET /health, without a token',
    call: (a) => a.health(), method: 'GET', url: '/health', token: false, answer: { status: 'ok' },
  },
  register: {
    title: 'register is POST /register with the form, without a token',
    call: (a) => a.register({ email: 'ada@example.com', password: 'secret123', first_name: 'Ada', last_name: 'L' }),
    method: 'POST', url: '/register', token: false,
    body: { email: 'ada@example.com', password: 'secret123', first_name: 'Ada', last_name: 'L' },
    answer: { status: 'confirmation_sent' },
  },
  login: {
    title: 'login is POST /login with the credentials, without a token',
    call: (a) => a.login({ email: 'ada@example.com', password: 'secret123' }),
    method: 'POST', url: '/login', token: false, body: { email: 'ada@example.com', password: 'secret123' },
    answer: { token: 'tok_2', user: self },
  },
  logout: {
    title: 'logout is GET /logout',
    call: (a) => a.logout(), method: 'GET', url: '/logout', token: true, answer: { status: 'logged_out' },
  },
  requestPasswordReset: {
    title: 'requestPasswordReset is POST /password_reset with the address, without a token',
    call: (a) => a.requestPasswordReset('ada@example.com'), method: 'POST', url: '/password_reset', token: false,
    body: { email: 'ada@example.com' }, answer: { status: 'reset_sent' },
  },
  changePassword: {
    title: 'changePassword is PUT /password with both passwords',
    call: (a) => a.changePassword({ current_password: 'old secret', new_password: 'new secret' }),
    method: 'PUT', url: '/password', token: true,
    body: { current_password: 'old secret', new_password: 'new secret' }, answer: { status: 'password_changed' },
  },
  sessions: {
    title: 'sessions is GET /sessions',
    call: (a) => a.sessions(), method: 'GET', url: '/sessions', token: true,
    answer: { sessions: [{ session_id: 5, created_at: message.timestamp, last_used_at: message.timestamp, client: 'Chrome on Linux', current: true }] },
  },
  endSession: {
    title: 'endSession is DELETE /sessions/{id}',
    call: (a) => a.endSession(5), method: 'DELETE', url: '/sessions/5', token: true, answer: { status: 'logged_out' },
  },
  updateMe: {
    title: 'updateMe is PUT /me with the names',
    call: (a) => a.updateMe({ first_name: 'Augusta', last_name: 'King' }), method: 'PUT', url: '/me', token: true,
    body: { first_name: 'Augusta', last_name: 'King' }, answer: { user: { ...self, first_name: 'Augusta', last_name: 'King' } },
  },
  users: {
    title: 'users is GET /users',
    call: (a) => a.users(), method: 'GET', url: '/users', token: true, answer: { users: [other] },
  },
  notifications: {
    title: 'notifications is GET /notifications',
    call: (a) => a.notifications(), method: 'GET', url: '/notifications', token: true,
    answer: { notifications: [{ chat_room_id: 4, unread_count: 1, last_message: message }], total_unread: 1 },
  },
  markRead: {
    title: 'markRead is PUT /notifications with the conversation',
    call: (a) => a.markRead({ chat_room_id: 4 }), method: 'PUT', url: '/notifications', token: true,
    body: { chat_room_id: 4 }, answer: { chat_room_id: 4, unread_count: 0 },
  },
  botHistory: {
    title: 'the bot history is GET /chat_bot, paged with until',
    call: (a) => a.botHistory({ until: 812 }), method: 'GET', url: '/chat_bot?until=812', token: true,
    answer: { messages: [{ id: 1, is_user: true, message: 'hi', timestamp: message.timestamp }], has_more: false },
  },
  chatRooms: {
    title: 'chatRooms is GET /chat_rooms',
    call: (a) => a.chatRooms(), method: 'GET', url: '/chat_rooms', token: true,
    answer: { chat_rooms: [{ chat_room_id: 4, other_user: other, last_message: null, unread_count: 0 }] },
  },
  chatRoom: {
    title: 'a room is GET /chat_rooms/{id}, caught up with after',
    call: (a) => a.chatRoom(4, { after: 6 }), method: 'GET', url: '/chat_rooms/4?after=6', token: true,
    answer: { chat_room_id: 4, other_user: other, messages: [message], has_more: false },
  },
  chatGroups: {
    title: 'chatGroups is GET /chat_groups',
    call: (a) => a.chatGroups(), method: 'GET', url: '/chat_groups', token: true,
    answer: { chat_groups: [{ ...group, member_count: 2 }] },
  },
  chatGroup: {
    title: 'a group is GET /chat_groups/{id}',
    call: (a) => a.chatGroup(3, {}), method: 'GET', url: '/chat_groups/3', token: true,
    answer: { ...group, present_user_ids: [1], messages: [], has_more: false },
  },
  chatGroupAround: {
    title: 'a group opened at a message is GET /chat_groups/{id}?around=',
    call: (a) => a.chatGroup(3, { around: 9 }), method: 'GET', url: '/chat_groups/3?around=9', token: true,
    answer: { ...group, present_user_ids: [1], messages: [message], has_more: false, has_more_after: true },
  },
  createGroup: {
    title: 'createGroup is POST /chat_groups with the name',
    call: (a) => a.createGroup({ chat_group_name: 'Crew' }), method: 'POST', url: '/chat_groups', token: true,
    body: { chat_group_name: 'Crew' }, answer: group,
  },
  renameGroup: {
    title: 'renameGroup is PUT /chat_groups/{id} with the new name',
    call: (a) => a.renameGroup(3, 'Crew'), method: 'PUT', url: '/chat_groups/3', token: true,
    body: { chat_group_name: 'Crew' }, answer: group,
  },
  fileLinks: {
    title: 'fileLinks is POST /files/links with the ids',
    call: (a) => a.fileLinks([fileId]), method: 'POST', url: '/files/links', token: true, body: { file_ids: [fileId] },
    answer: { links: [{ file_id: fileId, url: '/files/x/content', thumbnail_url: null, download_url: '/files/x/content?download=1', expires_at: message.timestamp }] },
  },
  discardFile: {
    title: 'discardFile is DELETE /files/{id}',
    call: (a) => a.discardFile(fileId), method: 'DELETE', url: `/files/${fileId}`, token: true, answer: { status: 'discarded' },
  },
  search: {
    title: 'search is GET /search with the words and the cursor, encoded',
    call: (a) => a.search({ q: 'deploy & ship', before: '12.0' }), method: 'GET', url: '/search?q=deploy+%26+ship&before=12.0', token: true,
    answer: {
      results: [{
        chat_type: 'group', chat_group_id: 3, conversation_name: 'Crew', sender: { user_id: 2, first_name: 'Bob', last_name: 'B' },
        message, highlights: [[0, 2]],
      }],
      next_before: null,
      match: 'word_start',
    },
  },
};

describe('REST endpoints', () => {
  it.each(Object.values(endpoints))('$title', async (endpoint) => {
    server.json(200, endpoint.answer);
    expect(await endpoint.call(api)).toEqual({ ok: true, value: endpoint.answer });
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]).toMatchObject({
      method: endpoint.method,
      url: endpoint.url,
      authentication: endpoint.token ? 'tok_1' : undefined,
      body: endpoint.body === undefined ? '' : JSON.stringify(endpoint.body),
    });
  });

  it('an answer in the shape of another endpoint is refused', async () => {
    server.json(200, { status: 'ok' });
    expect(await api.users()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
