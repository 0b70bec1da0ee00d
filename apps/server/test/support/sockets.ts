import type { ClientToServerEvents, SendAck, ServerToClientEvents, SimpleAck } from '@parley/shared';
import { io, type Socket } from 'socket.io-client';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const open = new Set<ClientSocket>();

export function closeAllSockets(): void {
  for (const socket of open) socket.disconnect();
  open.clear();
}

/** Opens a socket with the token and waits for `connect` (rejects with the connect_error). */
export function connect(
  url: string,
  token: string | undefined,
  options: { transports?: ('websocket' | 'polling')[]; extraHeaders?: Record<string, string> } = {},
): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    auth: token === undefined ? {} : { token },
    transports: options.transports ?? ['websocket'],
    extraHeaders: options.extraHeaders,
    reconnection: false,
    forceNew: true,
  });
  open.add(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}

type EventName = keyof ServerToClientEvents;
type EventPayload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/** The next `event` on `socket` that satisfies `match`, or a rejection after `timeoutMs`. */
export function nextEvent<E extends EventName>(
  socket: ClientSocket,
  event: E,
  match: (payload: EventPayload<E>) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<EventPayload<E>> {
  return new Promise((resolve, reject) => {
    const listener = (payload: EventPayload<E>) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      (socket.off as (e: string, l: unknown) => void)(event, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      (socket.off as (e: string, l: unknown) => void)(event, listener);
      reject(new Error(`no ${event} event within ${timeoutMs} ms`));
    }, timeoutMs);
    (socket.on as (e: string, l: unknown) => void)(event, listener);
  });
}

/** Collects every `event` from now on; the returned array fills as events arrive. */
export function collect<E extends EventName>(socket: ClientSocket, event: E): EventPayload<E>[] {
  const seen: EventPayload<E>[] = [];
  (socket.on as (e: string, l: unknown) => void)(event, (payload: EventPayload<E>) => seen.push(payload));
  return seen;
}

export function send(socket: ClientSocket, payload: unknown): Promise<SendAck> {
  return socket.timeout(5_000).emitWithAck('message', payload) as Promise<SendAck>;
}

export function leaveGroup(socket: ClientSocket, groupId: number): Promise<SimpleAck> {
  return socket.timeout(5_000).emitWithAck('leave_group', { chat_group_id: groupId }) as Promise<SimpleAck>;
}

export function waitForDisconnect(socket: ClientSocket, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) {
      resolve('already disconnected');
      return;
    }
    const timer = setTimeout(() => reject(new Error('socket stayed connected')), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
