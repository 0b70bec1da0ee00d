import { describe, expect, it } from 'vitest';
import {
  conversationOfAddress,
  conversationOfMessage,
  keyOf,
  refOf,
  sameConversation,
  type ConversationRef,
  type MessageEvent,
} from '../../src/index.js';
import { RoomLinkMap } from '../../src/client/index.js';

const ts = '2026-11-24T09:30:00.000Z';
const bob = { user_id: 2, first_name: 'Bob', last_name: 'B', online: true };
const noLinks = { userOfRoom: () => undefined, recipientOf: () => undefined };
const room = (user_id: number, client_id?: string): MessageEvent => ({
  chat_type: 'room',
  id: 1,
  user_id,
  chat_room_id: 7,
  message: 'hi',
  timestamp: ts,
  ...(client_id ? { client_id } : {}),
});

describe('one conversation identity', () => {
  it.each<[ConversationRef, string]>([
    [{ kind: 'bot' }, 'bot'],
    [{ kind: 'room', userId: 2 }, 'user:2'],
    [{ kind: 'group', groupId: 3 }, 'group:3'],
  ])('%j is keyed %s and read back the same', (ref, key) => {
    expect([keyOf(ref), refOf(keyOf(ref))]).toEqual([key, ref]);
  });

  it('a room and a group with the same id are different conversations', () => {
    expect(sameConversation({ kind: 'room', userId: 3 }, { kind: 'group', groupId: 3 })).toBe(false);
    expect(sameConversation({ kind: 'group', groupId: 3 }, { kind: 'group', groupId: 3 })).toBe(true);
    expect(sameConversation(null, { kind: 'bot' })).toBe(false);
  });

  it("a room message from someone else is with its author; one's own with the room's other member", () => {
    const links = new RoomLinkMap();
    expect(conversationOfMessage(room(2), 1, links)).toEqual({ kind: 'room', userId: 2 });
    expect(conversationOfMessage(room(1), 1, links)).toBeNull();
    links.learnRooms([{ chat_room_id: 7, other_user: bob }]);
    expect(conversationOfMessage(room(1), 1, links)).toEqual({ kind: 'room', userId: 2 });
  });

  it('an echo that beats its acknowledgement is placed by the send it answers', () => {
    const links = { ...noLinks, recipientOf: (clientId: string) => (clientId === 'c-1' ? 5 : undefined) };
    expect(conversationOfMessage(room(1, 'c-1'), 1, links)).toEqual({ kind: 'room', userId: 5 });
  });

  it('a wire address names a group directly, a room once its person is known', () => {
    const links = new RoomLinkMap();
    expect(conversationOfAddress({ chat_group_id: 3 }, links)).toEqual({ kind: 'group', groupId: 3 });
    expect(conversationOfAddress({ chat_room_id: 7 }, links)).toBeNull();
    links.learnMessage(room(2), 1);
    expect(conversationOfAddress({ chat_room_id: 7 }, links)).toEqual({ kind: 'room', userId: 2 });
  });
});
