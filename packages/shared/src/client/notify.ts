import { keyOf, sameConversation, type ConversationKey, type ConversationRef } from '../conversation.js';
import type { MessageEvent } from '../events/chat.js';
import type { Directory } from './directory.js';
import { mentionsUser, withMentionNames } from '../mentions.js';

export interface NotifyContext {
  selfUserId: number | null;
  /** The conversation on screen, as the renderer last reported it. */
  activeConversation: ConversationRef | null;
  windowFocused: boolean;
  /** Whether the window (or the tab) is on screen at all: not hidden, not minimised. */
  windowVisible: boolean;
  directory: Directory;
}

export interface NotificationRequest {
  conversation: ConversationRef;
  /** Notifications of a burst replace each other under their conversation's key. */
  key: ConversationKey;
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

/**
 * Whether a new message deserves a notification, and what it says: the same rules for the
 * desktop's system notifications and the web page's Notification API.
 */
export function decideNotification(event: MessageEvent, context: NotifyContext): NotificationRequest | null {
  const looking = context.windowFocused && context.windowVisible;

  if (event.chat_type === 'bot') {
    // The user is waiting for the bot's answer in the app; only tell them when they went elsewhere.
    const reply = event.messages.filter((message) => !message.is_user).at(-1);
    if (!reply || looking) return null;
    return { conversation: { kind: 'bot' }, key: 'bot', title: 'Parley bot', body: clip(reply.message) };
  }

  if (context.selfUserId !== null && event.user_id === context.selfUserId) return null;

  // Mentions read as names, never as their `<@id>` tokens.
  const text = withMentionNames(event.message, (userId) => context.directory.userName(userId) ?? null);
  const mentioned = mentionsUser(event.message, context.selfUserId);

  if (event.chat_type === 'room') {
    const conversation: ConversationRef = { kind: 'room', userId: event.user_id };
    if (looking && sameConversation(context.activeConversation, conversation)) return null;
    const name = context.directory.userName(event.user_id);
    return {
      conversation,
      key: keyOf(conversation),
      title: name ? (mentioned ? `${name} mentioned you` : name) : 'New message',
      body: clip(text),
    };
  }

  const conversation: ConversationRef = { kind: 'group', groupId: event.chat_group_id };
  if (looking && sameConversation(context.activeConversation, conversation)) return null;
  const sender = context.directory.firstName(event.user_id);
  const group = context.directory.groupName(event.chat_group_id);
  return {
    conversation,
    key: keyOf(conversation),
    title: mentioned && sender ? `${sender} mentioned you${group ? ` in ${group}` : ''}` : (group ?? 'Group message'),
    body: clip(sender && !mentioned ? `${sender}: ${text}` : text),
  };
}
