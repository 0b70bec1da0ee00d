import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '@parley/shared';
import { openConversation, openConversationAt } from '../../src/renderer/src/actions/conversation-actions';
import { resultConversation, runSearch } from '../../src/renderer/src/actions/search-actions';
import { draftScopeOf, loadDrafts, saveDrafts } from '../../src/renderer/src/stores/draft-storage';
import { fromChatMessage } from '../../src/renderer/src/stores/message-list';
import { firstUnreadId } from '../../src/renderer/src/stores/unread-line';
import { buildRows } from '../../src/renderer/src/features/conversation/rows';
import { bob, chatMessage, setup } from './fake-bridge';

const roomWithBob = { chat_room_id: 40, other_user: bob, last_message: null, unread_count: 0 };
const rows = (ids: [number, number][]) => ids.map(([id, author]) => fromChatMessage(chatMessage(id, author)));

describe('the unread line', () => {
  it('goes above the unread-th newest message of someone else', () => {
    const messages = rows([[1, 2], [2, 1], [3, 2], [4, 1], [5, 2]]);
    expect(firstUnreadId(messages, 2, 1)).toBe(3);
    expect(firstUnreadId(messages, 1, 1)).toBe(5);
    expect(firstUnreadId(messages, 0, 1)).toBeNull();
    // More unread than the page holds: above the oldest of them held.
    expect(firstUnreadId(messages, 9, 1)).toBe(1);
  });

  it('is a row of its own above that message', () => {
    const built = buildRows(rows([[1, 2], [2, 2]]), [], 2);
    expect(built.map((r) => r.kind)).toEqual(['day', 'message', 'unread', 'message']);
    expect(buildRows(rows([[1, 2]]), [], null).some((r) => r.kind === 'unread')).toBe(false);
  });

  it('is placed from the unread count a conversation had when it was opened', async () => {
    const ctx = setup();
    ctx.store.getState().setRooms([roomWithBob]);
    ctx.store.getState().setUnread('user:2', 2);
    const messages = [chatMessage(1, 2), chatMessage(2, 1), chatMessage(3, 2), chatMessage(4, 2)];
    vi.mocked(ctx.bridge.api.chatRoom).mockResolvedValue({ ok: true, value: { chat_room_id: 40, other_user: bob, messages, has_more: false } });
    await openConversation(ctx, 'user:2');
    expect(ctx.store.getState().conversations['user:2']?.firstUnreadId).toBe(3);
    expect(ctx.store.getState().unread['user:2']).toBe(0);
    await openConversation(ctx, 'user:2');
    expect(ctx.store.getState().conversations['user:2']?.firstUnreadId).toBeNull();
  });
});

describe('opening a search result', () => {
  it('asks for the page around the message and says newer ones remain', async () => {
    const ctx = setup();
    ctx.store.getState().setRooms([roomWithBob]);
    vi.mocked(ctx.bridge.api.chatRoom).mockResolvedValue({
      ok: true,
      value: { chat_room_id: 40, other_user: bob, messages: [chatMessage(6, 2), chatMessage(7, 1)], has_more: true, has_more_after: true },
    });
    await openConversationAt(ctx, 'user:2', 7);
    expect(ctx.bridge.api.chatRoom).toHaveBeenCalledWith(40, { around: 7 });
    const state = ctx.store.getState();
    expect(state.active).toBe('user:2');
    expect(state.conversations['user:2']).toMatchObject({ focusId: 7, hasNewer: true, hasMore: true, status: 'ready' });
    // Jumping to the newest drops the mark and the gap.
    vi.mocked(ctx.bridge.api.chatRoom).mockResolvedValue({ ok: true, value: { chat_room_id: 40, other_user: bob, messages: [chatMessage(90, 2)], has_more: true } });
    await openConversation(ctx, 'user:2');
    expect(ctx.store.getState().conversations['user:2']).toMatchObject({ focusId: null, hasNewer: false });
  });

  it('places a result in the conversation the sidebar keys it by', () => {
    const message = chatMessage(7, 2);
    const sender = { user_id: 2, first_name: 'Bob', last_name: 'B' };
    const base = { conversation_name: 'x', highlights: [] };
    const room: SearchResult = { chat_type: 'room', chat_room_id: 40, other_user: sender, sender, message, ...base };
    const group: SearchResult = { chat_type: 'group', chat_group_id: 5, sender, message, ...base };
    const bot: SearchResult = { chat_type: 'bot', sender: null, message: { id: 3, is_user: false, message: 'hi', timestamp: message.timestamp }, ...base };
    expect([room, group, bot].map(resultConversation)).toEqual(['user:2', 'group:5', 'bot']);
  });
});

describe('search', () => {
  const page = (ids: number[], next: string | null) => ({
    ok: true as const,
    value: {
      results: ids.map((id): SearchResult => ({ chat_type: 'group', chat_group_id: 5, conversation_name: 'Crew', sender: bob, message: chatMessage(id, 2), highlights: [[0, 3]] })),
      next_before: next,
      match: 'word_start' as const,
    },
  });

  it('shows a page, then appends the older one with the cursor', async () => {
    const ctx = setup();
    ctx.store.getState().openSearch();
    vi.mocked(ctx.bridge.api.search).mockResolvedValueOnce(page([9, 8], '8.0')).mockResolvedValueOnce(page([3], null));
    await runSearch(ctx, 'deploy');
    await runSearch(ctx, 'deploy', true);
    expect(ctx.bridge.api.search).toHaveBeenNthCalledWith(1, { q: 'deploy' });
    expect(ctx.bridge.api.search).toHaveBeenNthCalledWith(2, { q: 'deploy', before: '8.0' });
    const search = ctx.store.getState().search;
    expect(search.results.map((r) => r.message.id)).toEqual([9, 8, 3]);
    expect(search.next).toBeNull();
  });

  it('drops an answer to a query no longer shown, and sends none without words', async () => {
    const ctx = setup();
    ctx.store.getState().openSearch();
    let answer: (value: ReturnType<typeof page>) => void = () => undefined;
    vi.mocked(ctx.bridge.api.search).mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const first = runSearch(ctx, 'dep');
    await runSearch(ctx, '  !? ');
    answer(page([1], null));
    await first;
    expect(ctx.store.getState().search).toMatchObject({ query: '  !? ', results: [], status: 'idle' });
    expect(ctx.bridge.api.search).toHaveBeenCalledTimes(1);
  });

  it('shows the error of a refused search', async () => {
    const ctx = setup();
    ctx.store.getState().openSearch();
    vi.mocked(ctx.bridge.api.search).mockResolvedValue({ ok: false, error: { code: 'rate_limited', message: 'Too many attempts.' } });
    await runSearch(ctx, 'deploy');
    expect(ctx.store.getState().search).toMatchObject({ status: 'error', error: 'Too many attempts.' });
  });
});

/** The page's localStorage, in memory: these tests run in Node. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
}

describe('drafts', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', new MemoryStorage());
    return () => vi.unstubAllGlobals();
  });

  it('are kept per user in storage, empty ones dropped, and survive a new store', () => {
    const ctx = setup();
    ctx.store.getState().restoreDrafts('1');
    ctx.store.getState().setDraft('user:2', 'half a thought');
    ctx.store.getState().setDraft('group:5', '');
    expect(loadDrafts('1')).toEqual({ 'user:2': 'half a thought' });
    expect(loadDrafts('2')).toEqual({});
    const next = setup();
    next.store.getState().restoreDrafts('1');
    expect(next.store.getState().drafts['user:2']).toBe('half a thought');
    next.store.getState().setDraft('user:2', '');
    expect(localStorage.getItem('parley:drafts:1')).toBeNull();
  });

  it('ignore what does not parse', () => {
    localStorage.setItem('parley:drafts:7', '{"not a key": "x"}');
    expect(loadDrafts('7')).toEqual({});
    localStorage.setItem('parley:drafts:7', 'not json');
    expect(loadDrafts('7')).toEqual({});
    saveDrafts('7', { bot: 'hello' });
    expect(loadDrafts('7')).toEqual({ bot: 'hello' });
  });

  it('are kept apart per server: user 1 of one server is not user 1 of another', () => {
    const one = draftScopeOf('https://a.example/', 1);
    const two = draftScopeOf('https://b.example:8443', 1);
    expect([one, two]).toEqual(['https://a.example:1', 'https://b.example:8443:1']);
    saveDrafts(one, { bot: 'for the first server' });
    expect(loadDrafts(two)).toEqual({});
    expect(loadDrafts(one)).toEqual({ bot: 'for the first server' });
    expect(draftScopeOf(null, 1)).toBe('1');
  });
});
