import type { Attachment, BotMessage, ChatMessage, ChatMessageState, DeletedChatMessage, Reaction } from '@parley/shared';
import { toDate, toId } from '../db/client.js';

export interface MessageRow {
  id: number;
  senderId: number;
  body: string;
  clientId: string | null;
  createdAt: Date;
  /** Read by history pages and lists; a message just written has none of them. */
  editedAt?: Date | null;
  deletedAt?: Date | null;
  changeSeq?: number | null;
  reactions?: Reaction[] | null;
  /** The files it shows, as stored with it; absent or null when none. */
  attachments?: Attachment[] | null;
}

const optionalDate = (value: unknown) => (value === null || value === undefined ? null : toDate(value));

function reactionsOf(value: unknown): Reaction[] | null {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(parsed) || parsed.length === 0) return null;
  return parsed.map((entry: { emoji: unknown; user_ids: unknown[] }) => ({
    emoji: String(entry.emoji),
    user_ids: entry.user_ids.map(toId),
  }));
}

/** A jsonb column as either driver returns it: parsed, or text. */
function attachmentsOf(value: unknown): Attachment[] | null {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) && parsed.length > 0 ? (parsed as Attachment[]) : null;
}

/** A message's columns from a raw SQL row (`id`, `sender_id`, `body`, `client_id`, `created_at`). */
export function messageRowOf(row: Record<string, unknown>, idColumn = 'id'): MessageRow {
  return {
    id: toId(row[idColumn]),
    senderId: toId(row.sender_id),
    body: String(row.body),
    clientId: row.client_id === null || row.client_id === undefined ? null : String(row.client_id),
    createdAt: toDate(row.created_at),
    editedAt: optionalDate(row.edited_at),
    deletedAt: optionalDate(row.deleted_at),
    changeSeq: row.change_seq === null || row.change_seq === undefined ? null : toId(row.change_seq),
    reactions: reactionsOf(row.reactions),
    attachments: attachmentsOf(row.attachments),
  };
}

/** `client_id` travels only when the sender gave one. */
function withClientId<T extends { client_id?: string }>(message: T, clientId: string | null): T {
  return clientId ? { ...message, client_id: clientId } : message;
}

/** A stored message as the wire knows it. */
export function toChatMessage(row: MessageRow): ChatMessage {
  const message = withClientId<ChatMessage>(
    { id: row.id, user_id: row.senderId, message: row.body, timestamp: row.createdAt.toISOString() },
    row.clientId,
  );
  if (row.attachments && row.attachments.length > 0) message.attachments = row.attachments;
  return message;
}

/**
 * A message as history shows it now: a deleted one without its text, an edited one with
 * `edited_at`, reactions when there are any.
 */
export function toMessageState(row: MessageRow): ChatMessageState {
  if (row.deletedAt) {
    const deleted: DeletedChatMessage = { id: row.id, user_id: row.senderId, timestamp: row.createdAt.toISOString(), deleted: true };
    return withClientId(deleted, row.clientId);
  }
  const message: ChatMessageState = toChatMessage(row);
  if (row.editedAt) message.edited_at = row.editedAt.toISOString();
  if (row.reactions && row.reactions.length > 0) message.reactions = row.reactions;
  return message;
}

export interface BotMessageRow {
  id: number;
  isUser: boolean;
  body: string;
  clientId: string | null;
  createdAt: Date;
}

export function toBotMessage(row: BotMessageRow): BotMessage {
  return withClientId<BotMessage>(
    { id: row.id, is_user: row.isUser, message: row.body, timestamp: row.createdAt.toISOString() },
    row.clientId,
  );
}
