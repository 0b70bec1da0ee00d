import type { Attachment, BotMessage, ChatMessage } from '@parley/shared';
import { toDate, toId } from '../db/client.js';

export interface MessageRow {
  id: number;
  senderId: number;
  body: string;
  clientId: string | null;
  createdAt: Date;
  /** The files it shows, as stored with it; absent or null when none. */
  attachments?: Attachment[] | null;
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
