import type { MessageEvent } from '@parley/shared';
import type { ConversationRef } from '@parley/shared/ipc';
import type { Directory } from './directory.js';

export interface NotifyContext {
  selfUserId: number | null;
  /** The conversation shown in the window, as the renderer last reported it. */
  activeConversation: ConversationRef | null;
  windowFocused: boolean;
  /** Whether the window is on screen at all (not hidden to the tray, not minimised). */
  windowVisible: boolean;
  directory: Directory;
}

export interface NotificationRequest {
  conversation: ConversationRef;
  /** One key per conversation: notifications of a burst replace each other under it. */
  key: string;
  title: string;
  body: string;
}

const notificationBodyMaxCodePoints = 100;

/** Cuts to at most `max` code points (never halving an emoji), marking the cut with an ellipsis. */
export function clip(text: string, max = notificationBodyMaxCodePoints): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const points = [...flat];
  return points.length <= max ? flat : `${points.slice(0, max - 1).join('')}…`;
}

function sameConversation(a: ConversationRef | null, b: ConversationRef): boolean {
  if (!a || a.kind !== b.kind) return false;
  if (a.kind === 'room' && b.kind === 'room') return a.userId === b.userId;
  if (a.kind === 'group' && b.kind === 'group') return a.groupId === b.groupId;
  return a.kind === 'bot';
}

/** Whether a new message deserves a system notification, and what it says. */
export function decideNotification(event: MessageEvent, context: NotifyContext): NotificationRequest | null {
  const looking = context.windowFocused && context.windowVisible;

  if (event.chat_type === 'bot') {
    // The user is waiting for the bot's answer in the app; only tell them when they went elsewhere.
    const reply = event.messages.filter((message) => !message.is_user).at(-1);
    if (!reply || looking) return null;
    return { conversation: { kind: 'bot' }, key: 'bot', title: 'Parley bot', body: clip(reply.message) };
  }

  if (context.selfUserId !== null && event.user_id === context.selfUserId) return null;

  if (event.chat_type === 'room') {
    const conversation: ConversationRef = { kind: 'room', userId: event.user_id };
    if (looking && sameConversation(context.activeConversation, conversation)) return null;
    return {
      conversation,
      key: `room:${event.chat_room_id}`,
      title: context.directory.userName(event.user_id) ?? 'New message',
      body: clip(event.message),
    };
  }

  const conversation: ConversationRef = { kind: 'group', groupId: event.chat_group_id };
  if (looking && sameConversation(context.activeConversation, conversation)) return null;
  const sender = context.directory.firstName(event.user_id);
  return {
    conversation,
    key: `group:${event.chat_group_id}`,
    title: context.directory.groupName(event.chat_group_id) ?? 'Group message',
    body: clip(sender ? `${sender}: ${event.message}` : event.message),
  };
}
