import type { ConversationRef } from '@parley/shared/ipc';

/** One string per conversation, so stores can key records by it. A DM is keyed by the person. */
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

export function groupKey(groupId: number): ConversationKey {
  return `group:${groupId}`;
}

export function userKey(userId: number): ConversationKey {
  return `user:${userId}`;
}
