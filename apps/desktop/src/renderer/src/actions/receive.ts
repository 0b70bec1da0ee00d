import { keyOf, type BotMessage, type ChatMessage, type ConversationRef } from '@parley/shared';
import type { ActionContext } from './context';
import { fromBotMessage, fromChatMessage } from '../stores/message-list';

/** A stored message as the server hands it over, in an acknowledgement or a `message` event. */
export type StoredMessage = BotMessage | (ChatMessage & { chat_room_id?: number });

/**
 * Puts stored messages into their conversation, the one path for acknowledgements and events:
 * a DM's room is linked to its person and their activity time moves on.
 */
export function receiveMessages(ctx: ActionContext, conversation: ConversationRef, messages: readonly StoredMessage[]): void {
  const s = ctx.store.getState();
  const selfId = s.self?.user_id ?? 0;
  for (const message of messages) {
    if (conversation.kind !== 'room' || 'is_user' in message || message.chat_room_id === undefined) continue;
    s.linkRoom(message.chat_room_id, conversation.userId);
    s.touchUser(conversation.userId, message.timestamp);
  }
  const rows = messages.map((message) => ('is_user' in message ? fromBotMessage(message, selfId) : fromChatMessage(message)));
  ctx.store.getState().mergeInto(keyOf(conversation), rows);
}
