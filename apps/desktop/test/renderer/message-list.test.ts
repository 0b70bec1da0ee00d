import { describe, expect, it } from 'vitest';
import { catchUpFrom, fromChatMessage, mergeMessages, pendingMessage, setPendingStatus } from '../../src/renderer/src/stores/message-list';
import { chatMessage } from './fake-bridge';

const clientId = '6f1c2d7e-3b4a-4c5d-8e9f-0a1b2c3d4e5f';
const now = new Date('2026-11-24T09:30:00.000Z');

describe('merging messages', () => {
  it('the echo of a pending send replaces it, keeping its row key', () => {
    const list = [pendingMessage(clientId, 1, 'hi', now)];
    const merged = mergeMessages(list, [fromChatMessage(chatMessage(10, 1, 'hi', clientId))]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 10, status: 'sent', key: clientId });
  });

  it('an ack arriving after the echo does not double the message', () => {
    let list = [pendingMessage(clientId, 1, 'hi', now)];
    list = mergeMessages(list, [fromChatMessage(chatMessage(10, 1, 'hi', clientId))]);
    list = mergeMessages(list, [{ ...fromChatMessage(chatMessage(10, 1, 'hi')), clientId }]);
    expect(list.map((m) => m.id)).toEqual([10]);
  });

  it('an echo without client_id followed by the ack leaves no pending row behind', () => {
    let list = [pendingMessage(clientId, 1, 'hi', now)];
    list = mergeMessages(list, [fromChatMessage(chatMessage(10, 1, 'hi'))]);
    list = mergeMessages(list, [{ ...fromChatMessage(chatMessage(10, 1, 'hi')), clientId }]);
    expect(list.map((m) => [m.id, m.status])).toEqual([[10, 'sent']]);
  });

  it('a page merged twice keeps each message once, ordered by id', () => {
    const page = [3, 1, 2].map((id) => fromChatMessage(chatMessage(id, 2)));
    const merged = mergeMessages(mergeMessages([], page), page);
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('unconfirmed messages stay after the confirmed ones', () => {
    const list = [pendingMessage(clientId, 1, 'later', now)];
    const merged = mergeMessages(list, [fromChatMessage(chatMessage(5, 2))]);
    expect(merged.map((m) => m.id)).toEqual([5, null]);
  });

  it('a failed status applies only to the unconfirmed message with that client_id', () => {
    const list = [fromChatMessage(chatMessage(5, 1, 'x', clientId)), pendingMessage('other', 1, 'y', now)];
    const next = setPendingStatus(list, clientId, 'failed', 'boom');
    expect(next).toBe(list);
  });
});

describe('where a catch-up starts', () => {
  // chatMessage(id) is stamped `id` seconds after a fixed moment.
  const held = (ids: number[]) => ids.map((id) => fromChatMessage(chatMessage(id, 1)));

  it('re-reads the last two seconds of messages: a nearly simultaneous one from another node may be missing', () => {
    expect(catchUpFrom(held([1, 2, 3, 10, 11, 12]))).toBe(10);
    expect(catchUpFrom(held([1, 5, 9]))).toBe(5);
  });

  it('skips messages still waiting for their ack; when everything held is that recent, starts before the oldest', () => {
    const list = [...held([1, 20, 21]), pendingMessage('c-1', 1, 'pending', new Date(Date.UTC(2026, 10, 24, 10)))];
    expect(catchUpFrom(list)).toBe(1);
    expect(catchUpFrom(held([20, 21]))).toBe(19);
    expect(catchUpFrom(held([1, 2]))).toBeNull();
    expect(catchUpFrom([])).toBeNull();
  });
});
