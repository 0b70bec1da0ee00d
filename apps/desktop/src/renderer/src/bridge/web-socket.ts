import {
  groupCreatedEventSchema,
  groupPresenceEventSchema,
  groupUpdatedEventSchema,
  handshakeErrorCode,
  messageEventSchema,
  notificationEventSchema,
  presenceEventSchema,
  sendAckSchema,
  simpleAckSchema,
  socketEvents,
  userRegisteredEventSchema,
  type ClientToServerEvents,
  type ErrorDetail,
  type SendAck,
  type ServerToClientEvents,
  type SimpleAck,
} from '@parley/shared';
import type { ConnectionState, ServerEvent } from '@parley/shared/ipc';
import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';

const ackTimeoutMs = 10_000;

// One schema per server event: nothing from the socket reaches a listener unparsed.
const serverEventSchemas = {
  message: messageEventSchema,
  notification: notificationEventSchema,
  presence: presenceEventSchema,
  group_presence: groupPresenceEventSchema,
  user_registered: userRegisteredEventSchema,
  group_created: groupCreatedEventSchema,
  group_updated: groupUpdatedEventSchema,
} satisfies { [K in keyof ServerToClientEvents]: z.ZodType };

export interface SocketCallbacks {
  onEvent: (event: ServerEvent) => void;
  onState: (state: ConnectionState) => void;
  onResync: () => void;
  onUnauthorized: () => void;
}

export interface WebSocketLink {
  connect(token: string): void;
  disconnect(): void;
  send(payload: unknown): Promise<SendAck>;
  leaveGroup(groupId: number): Promise<SimpleAck>;
}

const notConnected: ErrorDetail = { code: 'internal', message: 'Not connected to the server.' };
const noAnswer: ErrorDetail = { code: 'internal', message: 'The server did not answer in time.' };
const badAnswer: ErrorDetail = { code: 'internal', message: 'The server sent an answer Parley does not understand.' };

const reconnectionDelayMs = 500;
const reconnectionDelayMaxMs = 5000;

/** socket.io's own reconnection policy below (500 ms doubling to 5 s), jittered ±20 %. */
export function refusalDelayMs(attempt: number, random: () => number = Math.random): number {
  const capped = Math.min(reconnectionDelayMaxMs, reconnectionDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(capped * (0.8 + 0.4 * random()));
}

export function createSocketLink(baseUrl: string, callbacks: SocketCallbacks): WebSocketLink {
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const clearRetry = () => {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
  };

  function emitWithAck<T>(event: 'message' | 'leave_group', payload: unknown, schema: z.ZodType<T>): Promise<T | { ok: false; error: ErrorDetail }> {
    const current = socket;
    // Failing fast while offline lets the store show "failed" and retry on reconnect,
    // instead of a send that hangs in socket.io's buffer.
    if (!current?.connected) return Promise.resolve({ ok: false, error: notConnected });
    return current
      .timeout(ackTimeoutMs)
      .emitWithAck(event, payload)
      .then((response: unknown) => {
        const parsed = schema.safeParse(response);
        return parsed.success ? parsed.data : { ok: false as const, error: badAnswer };
      })
      .catch(() => ({ ok: false as const, error: noAnswer }));
  }

  return {
    connect(token) {
      socket?.disconnect();
      clearRetry();
      let everConnected = false;
      let refusals = 0;
      const s: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, {
        auth: { token },
        transports: ['websocket', 'polling'],
        reconnectionDelay: reconnectionDelayMs,
        reconnectionDelayMax: reconnectionDelayMaxMs,
      });
      socket = s;
      callbacks.onState({ status: 'connecting' });

      s.on('connect', () => {
        refusals = 0;
        callbacks.onState({ status: 'connected' });
        if (everConnected) callbacks.onResync();
        everConnected = true;
      });
      s.on('disconnect', (reason) => {
        // Our own disconnect (logout, a new login) is not a connection problem.
        if (socket !== s || reason === 'io client disconnect') return;
        // The server ends a socket itself only when its session ended (a logout, an expiry): the
        // token is dead, so this is a sign-out, not a reason to retry. A restart closes the
        // transport instead, and socket.io reconnects by itself.
        if (reason === 'io server disconnect') {
          socket = null;
          callbacks.onUnauthorized();
          return;
        }
        callbacks.onState({ status: 'reconnecting', attempt: 0, retryInMs: 500 });
      });
      s.io.on('reconnect_attempt', (attempt) => {
        if (socket !== s) return;
        callbacks.onState({ status: 'reconnecting', attempt, retryInMs: Math.min(5000, 500 * 2 ** attempt) });
      });
      s.on('connect_error', (error) => {
        if (socket !== s) return;
        const data: unknown = (error as Error & { data?: unknown }).data;
        const code = typeof data === 'object' && data !== null && 'code' in data ? data.code : undefined;
        if (code === handshakeErrorCode) {
          s.disconnect();
          socket = null;
          callbacks.onUnauthorized();
          return;
        }
        // socket.io retries transport failures by itself, but a handshake the server refused
        // (`unavailable`: its database is down) is final for it: the token is kept and the
        // handshake tried again here, with the same backoff.
        if (!s.active) {
          refusals += 1;
          const inMs = refusalDelayMs(refusals);
          clearRetry();
          retryTimer = setTimeout(() => {
            retryTimer = null;
            if (socket === s) s.connect();
          }, inMs);
          callbacks.onState({ status: 'reconnecting', attempt: refusals, retryInMs: inMs });
          return;
        }
        callbacks.onState({ status: 'reconnecting', attempt: 0, retryInMs: 500 });
      });

      for (const name of Object.keys(serverEventSchemas) as (keyof typeof serverEventSchemas)[]) {
        const schema: z.ZodType = serverEventSchemas[name];
        s.on(name as typeof socketEvents.message, (payload: unknown) => {
          const parsed = schema.safeParse(payload);
          // An event we cannot read is dropped; the next resync fills any gap it leaves.
          if (parsed.success) callbacks.onEvent({ event: name, payload: parsed.data } as ServerEvent);
        });
      }
    },
    disconnect() {
      clearRetry();
      socket?.disconnect();
      socket = null;
    },
    send(payload) {
      return emitWithAck(socketEvents.message, payload, sendAckSchema) as Promise<SendAck>;
    },
    leaveGroup(groupId) {
      return emitWithAck(socketEvents.leaveGroup, { chat_group_id: groupId }, simpleAckSchema) as Promise<SimpleAck>;
    },
  };
}
