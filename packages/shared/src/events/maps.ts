import type { z } from 'zod';
import {
  groupCreatedEventSchema,
  groupPresenceEventSchema,
  groupUpdatedEventSchema,
  notificationEventSchema,
  presenceEventSchema,
  userRegisteredEventSchema,
  userUpdatedEventSchema,
  type GroupCreatedEvent,
  type GroupPresenceEvent,
  type GroupUpdatedEvent,
  type NotificationEvent,
  type PresenceEvent,
  type UserRegisteredEvent,
  type UserUpdatedEvent,
} from './broadcasts.js';
import { messageEventSchema, type MessageEvent, type SendAck, type SimpleAck } from './chat.js';
import {
  messageChangedEventSchema,
  typingEventSchema,
  type ChangeAck,
  type MessageChangedEvent,
  type TypingEvent,
} from './message-changes.js';

/**
 * Socket.IO event maps for `Server<ClientToServerEvents, ServerToClientEvents>` and
 * `Socket<ServerToClientEvents, ClientToServerEvents>`. Incoming payloads are typed `unknown`
 * on purpose: the server parses them with the schemas before it trusts a field.
 */
export interface ClientToServerEvents {
  message: (payload: unknown, ack?: (response: SendAck) => void) => void;
  leave_group: (payload: unknown, ack?: (response: SimpleAck) => void) => void;
  edit_message: (payload: unknown, ack?: (response: ChangeAck) => void) => void;
  delete_message: (payload: unknown, ack?: (response: ChangeAck) => void) => void;
  react: (payload: unknown, ack?: (response: ChangeAck) => void) => void;
  typing: (payload: unknown, ack?: (response: SimpleAck) => void) => void;
}

export interface ServerToClientEvents {
  message: (payload: MessageEvent) => void;
  notification: (payload: NotificationEvent) => void;
  presence: (payload: PresenceEvent) => void;
  group_presence: (payload: GroupPresenceEvent) => void;
  user_registered: (payload: UserRegisteredEvent) => void;
  user_updated: (payload: UserUpdatedEvent) => void;
  group_created: (payload: GroupCreatedEvent) => void;
  group_updated: (payload: GroupUpdatedEvent) => void;
  message_changed: (payload: MessageChangedEvent) => void;
  typing: (payload: TypingEvent) => void;
}

/**
 * The schema of every server-to-client event, the one list a client parses incoming events with
 * (the realtime client, and the preload relaying them again).
 */
export const serverEventSchemas = {
  message: messageEventSchema,
  notification: notificationEventSchema,
  presence: presenceEventSchema,
  group_presence: groupPresenceEventSchema,
  user_registered: userRegisteredEventSchema,
  user_updated: userUpdatedEventSchema,
  group_created: groupCreatedEventSchema,
  group_updated: groupUpdatedEventSchema,
  message_changed: messageChangedEventSchema,
  typing: typingEventSchema,
} as const satisfies { [K in keyof ServerToClientEvents]: z.ZodType<Parameters<ServerToClientEvents[K]>[0]> };

export type ServerEventName = keyof ServerToClientEvents;

/** A server-to-client socket event as a tagged value. */
export type ServerEvent = {
  [K in ServerEventName]: { event: K; payload: Parameters<ServerToClientEvents[K]>[0] };
}[ServerEventName];

/** Parses one incoming event by name; null for an unknown event or a malformed payload. */
export function parseServerEvent(event: string, payload: unknown): ServerEvent | null {
  if (!Object.hasOwn(serverEventSchemas, event)) return null;
  const parsed = serverEventSchemas[event as ServerEventName].safeParse(payload);
  return parsed.success ? ({ event, payload: parsed.data } as ServerEvent) : null;
}
