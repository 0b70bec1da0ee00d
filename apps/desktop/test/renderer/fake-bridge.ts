import type { SelfUser } from '@parley/shared';
import type { ParleyBridge, Result } from '@parley/shared/ipc';
import { vi } from 'vitest';
import type { ActionContext } from '../../src/renderer/src/actions/context';
import { createAppStore } from '../../src/renderer/src/stores/app-store';

const none = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

/** A bridge whose every call answers "nothing here"; tests override what they exercise. */
export function fakeBridge(): ParleyBridge {
  return {
    platform: 'web',
    server: {
      current: vi.fn(() => none(null)),
      join: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'forbidden' as const, message: 'no' } })),
      host: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'forbidden' as const, message: 'no' } })),
      setSharing: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'forbidden' as const, message: 'no' } })),
      outbox: vi.fn(() => none([])),
      forget: vi.fn(() => none(null)),
    },
    servers: {
      list: vi.fn(() => none([])),
      add: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'forbidden' as const, message: 'no' } })),
      switchTo: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'forbidden' as const, message: 'no' } })),
      remove: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'forbidden' as const, message: 'no' } })),
      opening: vi.fn(() => none(null)),
    },
    auth: {
      register: vi.fn(() => none({ status: 'confirmation_sent' as const })),
      login: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'invalid_credentials' as const, message: 'no' } })),
      logout: vi.fn(() => none(null)),
      session: vi.fn(() => none(null)),
      keepsSignIn: vi.fn(() => none(true)),
      requestPasswordReset: vi.fn(() => none(null)),
    },
    account: {
      changePassword: vi.fn(() => none(null)),
      sessions: vi.fn(() => none({ sessions: [] })),
      endSession: vi.fn(() => none(null)),
      endOtherSessions: vi.fn(() => none({ ended: 0 })),
      updateMe: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'internal' as const, message: 'no' } })),
    },
    api: {
      users: vi.fn(() => none({ users: [] })),
      notifications: vi.fn(() => none({ notifications: [], total_unread: 0 })),
      markRead: vi.fn(() => none(null)),
      botHistory: vi.fn(() => none({ messages: [], has_more: false })),
      chatRooms: vi.fn(() => none({ chat_rooms: [] })),
      chatRoom: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'not_found' as const, message: 'no' } })),
      chatGroups: vi.fn(() => none({ chat_groups: [] })),
      chatGroup: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'not_found' as const, message: 'no' } })),
      createGroup: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'conflict' as const, message: 'no' } })),
      renameGroup: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'forbidden' as const, message: 'no' } })),
      search: vi.fn(() => none({ results: [], next_before: null, match: 'word_start' as const })),
    },
    chat: {
      send: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'internal' as const, message: 'Not connected to the server.' } })),
      leaveGroup: vi.fn(() => Promise.resolve({ ok: true as const })),
      changeMessage: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'internal' as const, message: 'Not connected to the server.' } })),
      typing: vi.fn(() => Promise.resolve({ ok: true as const })),
    },
    files: {
      upload: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'unavailable' as const, message: 'no' } })),
      cancelUpload: vi.fn(() => none(null)),
      discard: vi.fn(() => none(null)),
      links: vi.fn(() => none([])),
      download: vi.fn(() => none(null)),
    },
    events: {
      onUploadProgress: vi.fn(() => () => undefined),
      onServerEvent: vi.fn(() => () => undefined),
      onConnectionState: vi.fn(() => () => undefined),
      onResync: vi.fn(() => () => undefined),
      onOpenConversation: vi.fn(() => () => undefined),
      onServersChanged: vi.fn(() => () => undefined),
    },
    ui: {
      setActiveConversation: vi.fn(),
      openExternal: vi.fn(() => none(null)),
    },
  };
}

export const alice: SelfUser = { user_id: 1, email: 'alice@example.com', first_name: 'Alice', last_name: 'Liddell' };
export const bob = { user_id: 2, first_name: 'Bob', last_name: 'Babbage', online: true };
export const carol = { user_id: 3, first_name: 'Carol', last_name: 'Cook', online: false };

let counter = 0;

/** A fresh store signed in as Alice, a fake bridge, and predictable ids and clock. */
export function setup(options: { visible?: boolean } = {}): ActionContext & { bridge: ReturnType<typeof fakeBridge> } {
  const store = createAppStore();
  store.getState().signedIn(alice);
  store.getState().setUsers([{ ...alice, online: true }, bob, carol]);
  const bridge = fakeBridge();
  return {
    store,
    bridge,
    newClientId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
    now: () => new Date('2026-11-24T09:30:00.000Z'),
    isVisible: () => options.visible ?? true,
  };
}

export function chatMessage(id: number, user_id: number, message = `message ${id}`, client_id?: string) {
  const timestamp = new Date(Date.UTC(2026, 10, 24, 9, 0, 0) + id * 1000).toISOString();
  return client_id ? { id, user_id, message, timestamp, client_id } : { id, user_id, message, timestamp };
}
