import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/ipc/index.js';
import { fetchAllAfter, mergeMessages } from '../../src/client/catch-up.js';

const m = (id: number, text = `m${id}`) => ({ id, user_id: 1, message: text, timestamp: '2026-11-24T09:30:00.000Z' });
type Page = { chat_room_id: number; messages: ReturnType<typeof m>[]; has_more: boolean };

/** A server with messages 1..last that answers `after` with pages of `size`, oldest first. */
function server(last: number, size = 100) {
  const calls: number[] = [];
  const fetchPage = async (after: number): Promise<Result<Page>> => {
    calls.push(after);
    const newer = Array.from({ length: Math.max(0, last - after) }, (_, i) => m(after + 1 + i));
    return { ok: true, value: { chat_room_id: 1, messages: newer.slice(0, size), has_more: newer.length > size } };
  };
  return { calls, fetchPage };
}

describe('catch-up merge', () => {
  it('merging keeps each message once, in id order', () => {
    expect(mergeMessages([m(1), m(2), m(3)], [m(3), m(4), m(2)]).map((x) => x.id)).toEqual([1, 2, 3, 4]);
  });

  it('the newer copy of a message wins', () => {
    expect(mergeMessages([m(1, 'old')], [m(1, 'new')])).toEqual([m(1, 'new')]);
  });

  it('a merge of what was shown and what was missed has no gap', () => {
    const shown = [m(1), m(2), m(3)];
    const missed = [m(4), m(5)];
    const ids = mergeMessages(shown, missed).map((x) => x.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('catch-up after a reconnect', () => {
  it('follows every page after the last id seen: no gap, no duplicate', async () => {
    const { calls, fetchPage } = server(350);
    const result = await fetchAllAfter(fetchPage, 40);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.value.messages.map((x) => x.id);
    expect(ids).toEqual(Array.from({ length: 310 }, (_, i) => 41 + i));
    expect(result.value.has_more).toBe(false);
    expect(calls).toEqual([40, 140, 240, 340]);
  });

  it('nothing missed: one call, no messages', async () => {
    const { calls, fetchPage } = server(40);
    const result = await fetchAllAfter(fetchPage, 40);
    expect(result).toMatchObject({ ok: true, value: { messages: [], has_more: false } });
    expect(calls).toHaveLength(1);
  });

  it('a page that overlaps or repeats old messages adds no duplicate', async () => {
    const pages: Page[] = [
      { chat_room_id: 1, messages: [m(40), m(41), m(42)], has_more: true },
      { chat_room_id: 1, messages: [m(42), m(43)], has_more: false },
    ];
    const result = await fetchAllAfter(async () => ({ ok: true, value: pages.shift()! }), 40);
    expect(result.ok && result.value.messages.map((x) => x.id)).toEqual([41, 42, 43]);
  });

  it('a server that claims more but sends nothing newer does not loop forever', async () => {
    let calls = 0;
    const result = await fetchAllAfter(async () => {
      calls++;
      return { ok: true, value: { chat_room_id: 1, messages: [m(10)], has_more: true } };
    }, 10);
    expect(calls).toBe(1);
    expect(result).toMatchObject({ ok: true, value: { messages: [], has_more: false } });
  });

  it('gives up after the page limit and says there is more', async () => {
    const { fetchPage } = server(10_000, 10);
    const result = await fetchAllAfter(fetchPage, 0, 3);
    expect(result).toMatchObject({ ok: true, value: { has_more: true } });
    expect(result.ok && result.value.messages).toHaveLength(30);
  });

  it('a failed page fails the catch-up rather than leaving a silent gap', async () => {
    const result = await fetchAllAfter(async () => ({ ok: false, error: { code: 'internal', message: 'down' } }), 5);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'down' } });
  });
});
