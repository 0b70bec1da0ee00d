import type {
  GroupCreatedEvent,
  GroupPresenceEvent,
  GroupUpdatedEvent,
  NotificationEvent,
  PresenceEvent,
  UserRegisteredEvent,
} from './broadcasts.js';
import type { MessageEvent, SendAck, SimpleAck } from './chat.js';

/**
 * Socket.IO event maps for `Server<ClientToServerEvents, ServerToClientEvents>` and
 * `Socket<ServerToClientEvents, ClientToServerEvents>`. Incoming payloads are typed `unknown`
 * on purpose: the server parses them with the schemas before it trusts a field.
 */
export interface ClientToServerEvents {
  message: (payload: unknown, ack?: (response: SendAck) => void) => void;
  leave_group: (payload: unknown, ack?: (response: SimpleAck) => void) => void;
}

export interface ServerToClientEvents {
  message: (payload: MessageEvent) => void;
  notification: (payload: NotificationEvent) => void;
  presence: (payload: PresenceEvent) => void;
  group_presence: (payload: GroupPresenceEvent) => void;
  user_registered: (payload: UserRegisteredEvent) => void;
  group_created: (payload: GroupCreatedEvent) => void;
  group_updated: (payload: GroupUpdatedEvent) => void;
}
