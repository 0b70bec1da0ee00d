import { beforeEach, describe, expect, it } from 'vitest';
import { catchingUp, fetchAllChanges } from '../../src/client/catch-up.js';
import { Connection } from '../../src/client/connection.js';
import { parseServerEvent } from '../../src/events/maps.js';
import type { HistoryPage, Result } from '../../src/ipc/index.js';
import { reactionEmojiSchema } from '../../src/schemas/message-state.js';
import { FakeSocket } from './fakes/fake-socket.js';
import { FakeTimers } from './fakes/fake-timers.js';

const at = '2026-11-24T09:30:00.000Z';
const m = (id: number, text = `m${id}`) => ({ id, user_id: 1, message: text, timestamp: at });
type Message = ReturnType<typeof m> | { id: number; user_id: number; timestamp: string; deleted: true };
type Page = { chat_room_id: number; messages: Message[]; has_more: boolean; change_cursor?: number };

describe('catching up on changes', () => {
  it('follows changed_after pages by their cursor until none is left, each message once in its latest state', async () => {
    const pages: Record<number, Page> = {
      10: { chat_room_id: 1, messages: [m(3, 'a'), m(5, 'b')], has_more: true, change_cursor: 12 },
      12: { chat_room_id: 1, messages: [m(3, 'c')], has_more: false, change_cursor: 13 },
    };
    const calls: number[] = [];
    const result = await fetchAllChanges<Message, Page>(async (cursor) => {
      calls.push(cursor);
      return { ok: true, value: pages[cursor]! };
    }, 10);
    expect(calls).toEqual([10, 12]);
    expect(result).toEqual({ ok: true, value: { chat_room_id: 1, messages: [m(3, 'c'), m(5, 'b')], has_more: false, change_cursor: 13 } });
  });

  it('a page that does not move the cursor ends the walk', async () => {
    let calls = 0;
    const result = await fetchAllChanges<Message, Page>(async () => {
      calls++;
      return { ok: true, value: { chat_room_id: 1, messages: [], has_more: true, change_cursor: 4 } };
    }, 4);
    expect(calls).toBe(1);
    expect(result).toMatchObject({ ok: true, value: { has_more: false, change_cursor: 4 } });
  });

  it('after and changed_after together: the changes, then the newer messages, whose own state wins', async () => {
    const asked: HistoryPage[] = [];
    const call = catchingUp<Page>(async (page): Promise<Result<Page>> => {
      asked.push(page);
      if (page.changed_after !== undefined) {
        return { ok: true, value: { chat_room_id: 1, messages: [m(2, 'edited'), { id: 6, user_id: 1, timestamp: at, deleted: true }], has_more: false, change_cursor: 30 } };
      }
      return { ok: true, value: { chat_room_id: 1, messages: [m(6, 'stale?'), m(7)], has_more: false, change_cursor: 31 } };
    });
    const result = await call({ after: 5, changed_after: 20 });
    expect(asked).toEqual([{ changed_after: 20 }, { after: 5 }]);
    expect(result).toEqual({
      ok: true,
      value: { chat_room_id: 1, messages: [m(2, 'edited'), m(6, 'stale?'), m(7)], has_more: false, change_cursor: 30 },
    });
  });

  it('a failed changes page is the answer, and nothing newer is asked for', async () => {
    const asked: HistoryPage[] = [];
    const call = catchingUp<Page>(async (page) => {
      asked.push(page);
      return { ok: false, error: { code: 'unavailable', message: 'down' } };
    });
    expect(await call({ after: 5, changed_after: 1 })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(asked).toHaveLength(1);
  });
});

describe('change and typing requests on the connection', () => {
  let socket: FakeSocket;
  let connection: Connection;
  beforeEach(() => {
    connection = new Connection({
      socketFactory: (url, token) => (socket = new FakeSocket(url, token)),
      timers: new FakeTimers(),
      random: () => 0.5,
    });
    connection.start('http://127.0.0.1:3000', 'secret');
    socket.serverAccepts();
  });

  it('edit, delete and react go out on their own events, without the change tag', async () => {
    const state = { ...m(4, 'new'), edited_at: at };
    socket.answer = () => Promise.resolve({ ok: true, message: state, change_cursor: 9 });
    expect(await connection.changeMessage({ change: 'edit', chat_type: 'room', id: 4, message: 'new' })).toEqual({ ok: true, message: state, change_cursor: 9 });
    await connection.changeMessage({ change: 'delete', chat_type: 'group', id: 4 });
    await connection.changeMessage({ change: 'react', chat_type: 'room', id: 4, emoji: '👍' });
    expect(socket.sent).toEqual([
      { event: 'edit_message', payload: { chat_type: 'room', id: 4, message: 'new' } },
      { event: 'delete_message', payload: { chat_type: 'group', id: 4 } },
      { event: 'react', payload: { chat_type: 'room', id: 4, emoji: '👍' } },
    ]);
  });

  it('a change that breaks the rules is refused before it leaves', async () => {
    expect(await connection.changeMessage({ change: 'edit', chat_type: 'room', id: 4, message: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await connection.changeMessage({ change: 'react', chat_type: 'room', id: 4, emoji: 'no' })).toMatchObject({ ok: false });
    expect(socket.sent).toEqual([]);
  });

  it('typing is sent as typing and its ack parsed', async () => {
    expect(await connection.typing({ chat_type: 'group', chat_group_id: 3 })).toEqual({ ok: true });
    expect(socket.sent).toEqual([{ event: 'typing', payload: { chat_type: 'group', chat_group_id: 3 } }]);
  });
});

describe('change events', () => {
  it('message_changed and typing parse with the shared schemas; a malformed one is dropped', () => {
    expect(parseServerEvent('message_changed', { chat_type: 'room', chat_room_id: 2, message: { id: 1, user_id: 3, timestamp: at, deleted: true }, change_cursor: 5 })).not.toBeNull();
    expect(parseServerEvent('typing', { chat_type: 'group', chat_group_id: 2, user_id: 3 })).not.toBeNull();
    expect(parseServerEvent('message_changed', { chat_type: 'room', chat_room_id: 2, message: { id: 1 }, change_cursor: 5 })).toBeNull();
  });

  it('a reaction is one emoji grapheme', () => {
    for (const ok of ['👍', '❤️', '👍🏿', '🏳️‍🌈', '🇯🇵', '#️⃣']) expect(reactionEmojiSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', 'a', ':)', '👍👎', '👍 ', '\u200D', '1']) expect(reactionEmojiSchema.safeParse(bad).success, bad).toBe(false);
  });
});
