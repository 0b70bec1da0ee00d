import { z } from 'zod';
import type { MessageEvent } from './events/chat.js';
import { idSchema } from './schemas/common.js';

/**
 * The one identity of a conversation on the client side. A direct conversation is the person it
 * is with (a room exists only from its first message, and the wire names it by `chat_room_id`);
 * `RoomLinks` translates between the two.
 */
export type ConversationRef =
  | { kind: 'bot' }
  | { kind: 'room'; userId: number }
  | { kind: 'group'; groupId: number };

export const conversationRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bot') }).strict(),
  z.object({ kind: z.literal('room'), userId: idSchema }).strict(),
  z.object({ kind: z.literal('group'), groupId: idSchema }).strict(),
]);

/** The same identity as one string, to key records, notifications and unread counts by. */
export type ConversationKey = 'bot' | `user:${number}` | `group:${number}`;

export function keyOf(ref: ConversationRef): ConversationKey {
  if (ref.kind === 'bot') return 'bot';
  return ref.kind === 'room' ? `user:${ref.userId}` : `group:${ref.groupId}`;
}

export function refOf(key: ConversationKey): ConversationRef {
  if (key === 'bot') return { kind: 'bot' };
  const [kind, id] = key.split(':');
  return kind === 'user' ? { kind: 'room', userId: Number(id) } : { kind: 'group', groupId: Number(id) };
}

export const userKey = (userId: number): ConversationKey => `user:${userId}`;
export const groupKey = (groupId: number): ConversationKey => `group:${groupId}`;

export function sameConversation(a: ConversationRef | null, b: ConversationRef | null): boolean {
  return a !== null && b !== null && keyOf(a) === keyOf(b);
}

/** How the wire names a conversation with unread messages (`notification`, `PUT /notifications`). */
export type ConversationAddress = { chat_room_id: number } | { chat_group_id: number };

/** What a client knows of its rooms: who each one is with, and where its unacknowledged sends went. */
export interface RoomLinks {
  userOfRoom(roomId: number): number | undefined;
  /** The person a room send with this `client_id` went to, while its acknowledgement is awaited. */
  recipientOf(clientId: string): number | undefined;
}

/**
 * Where a message event belongs for the user `selfId`. A room message from someone else is with
 * its author; one's own (from another device, or an echo that beat its acknowledgement) is with
 * the room's other member, when known. Null when the room cannot be placed yet.
 */
export function conversationOfMessage(event: MessageEvent, selfId: number | null, links: RoomLinks): ConversationRef | null {
  if (event.chat_type === 'bot') return { kind: 'bot' };
  if (event.chat_type === 'group') return { kind: 'group', groupId: event.chat_group_id };
  if (event.user_id !== selfId) return { kind: 'room', userId: event.user_id };
  const userId = links.userOfRoom(event.chat_room_id) ?? (event.client_id ? links.recipientOf(event.client_id) : undefined);
  return userId === undefined ? null : { kind: 'room', userId };
}

/** The conversation a wire address names; null for a room this client has not learned yet. */
export function conversationOfAddress(address: ConversationAddress, links: Pick<RoomLinks, 'userOfRoom'>): ConversationRef | null {
  if ('chat_group_id' in address) return { kind: 'group', groupId: address.chat_group_id };
  const userId = links.userOfRoom(address.chat_room_id);
  return userId === undefined ? null : { kind: 'room', userId };
}
