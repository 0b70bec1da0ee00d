import {
  conversationOfAddress,
  keyOf,
  refOf,
  typingTimings,
  type ChangeAck,
  type ConversationKey,
  type MessageChangedEvent,
  type TypingEvent,
} from '@parley/shared';
import type { ActionContext } from './context';
import { fromChatMessage } from '../stores/message-list';
import { roomLinksOf } from '../stores/directory-slice';

/** The wire's name of a room or group conversation; null for the bot chat or a room not made yet. */
function addressOf(ctx: ActionContext, key: ConversationKey): { chat_type: 'room'; chat_room_id: number } | { chat_type: 'group'; chat_group_id: number } | null {
  const ref = refOf(key);
  if (ref.kind === 'group') return { chat_type: 'group', chat_group_id: ref.groupId };
  if (ref.kind !== 'room') return null;
  const roomId = ctx.store.getState().roomByUser[ref.userId];
  return roomId === undefined ? null : { chat_type: 'room', chat_room_id: roomId };
}

function applyAck(ctx: ActionContext, key: ConversationKey, ack: ChangeAck): ChangeAck {
  const s = ctx.store.getState();
  if (ack.ok) s.applyChange(key, fromChatMessage(ack.message), ack.change_cursor);
  else s.updateConversation(key, (c) => ({ ...c, error: ack.error.message }));
  return ack;
}

function chatTypeOf(key: ConversationKey): 'room' | 'group' | null {
  const kind = refOf(key).kind;
  return kind === 'bot' ? null : kind;
}

export async function editMessage(ctx: ActionContext, key: ConversationKey, id: number, text: string): Promise<ChangeAck | null> {
  const chatType = chatTypeOf(key);
  if (!chatType) return null;
  return applyAck(ctx, key, await ctx.bridge.chat.changeMessage({ change: 'edit', chat_type: chatType, id, message: text }));
}

export async function deleteMessage(ctx: ActionContext, key: ConversationKey, id: number): Promise<ChangeAck | null> {
  const chatType = chatTypeOf(key);
  if (!chatType) return null;
  return applyAck(ctx, key, await ctx.bridge.chat.changeMessage({ change: 'delete', chat_type: chatType, id }));
}

export async function toggleReaction(ctx: ActionContext, key: ConversationKey, id: number, emoji: string): Promise<ChangeAck | null> {
  const chatType = chatTypeOf(key);
  if (!chatType) return null;
  return applyAck(ctx, key, await ctx.bridge.chat.changeMessage({ change: 'react', chat_type: chatType, id, emoji }));
}

// When this window last said it was typing, per conversation: at most one every few seconds.
const lastTyping = new Map<ConversationKey, number>();

/** The user pressed a key in the composer: tells the others, throttled. */
export function noteTyping(ctx: ActionContext, key: ConversationKey): void {
  const now = ctx.now().getTime();
  const last = lastTyping.get(key);
  if (last !== undefined && now - last < typingTimings.sendEveryMs) return;
  const address = addressOf(ctx, key);
  if (!address) return;
  lastTyping.set(key, now);
  void ctx.bridge.chat.typing(address);
}

/** A message was sent: the next key press says "typing" again at once. */
export function stoppedTyping(key: ConversationKey): void {
  lastTyping.delete(key);
}

export function onMessageChanged(ctx: ActionContext, event: MessageChangedEvent): void {
  const ref = conversationOfAddress(event, roomLinksOf(ctx.store.getState()));
  if (!ref) return;
  ctx.store.getState().applyChange(keyOf(ref), fromChatMessage(event.message), event.change_cursor);
}

export function onTyping(ctx: ActionContext, event: TypingEvent): void {
  const ref = conversationOfAddress(event, roomLinksOf(ctx.store.getState()));
  if (!ref) return;
  ctx.store.getState().setTyping(keyOf(ref), event.user_id, ctx.now().getTime() + typingTimings.showForMs);
}
