import type { BotMessage, ChatMessage } from '@parley/shared';

export interface MessageRow {
  id: number;
  senderId: number;
  body: string;
  clientId: string | null;
  createdAt: Date;
}

/** A stored message as the wire knows it; `client_id` only when the sender gave one. */
export function toChatMessage(row: MessageRow): ChatMessage {
  const message: ChatMessage = {
    id: row.id,
    user_id: row.senderId,
    message: row.body,
    timestamp: row.createdAt.toISOString(),
  };
  if (row.clientId) message.client_id = row.clientId;
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
  const message: BotMessage = {
    id: row.id,
    is_user: row.isUser,
    message: row.body,
    timestamp: row.createdAt.toISOString(),
  };
  if (row.clientId) message.client_id = row.clientId;
  return message;
}
