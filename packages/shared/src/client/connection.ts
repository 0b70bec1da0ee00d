import { messageSendSchema, sendAckSchema, simpleAckSchema, type MessageSend, type SendAck, type SimpleAck } from '../events/chat.js';
import {
  changeAckSchema,
  messageChangeRequestSchema,
  typingSendSchema,
  type ChangeAck,
  type MessageChangeRequest,
  type TypingSend,
} from '../events/message-changes.js';
import { parseServerEvent, type ServerEvent } from '../events/maps.js';
import { handshakeErrorCode, socketEvents } from '../events/names.js';
import type { ConnectionState } from '../ipc/bridge.js';
import { defaultBackoff, type BackoffPolicy } from './backoff.js';
import { initialKeepAlive, keepAliveStep, type KeepAliveEffect, type KeepAliveEvent } from './keep-alive.js';
import type { SocketFactory, SocketPort, Timers } from './socket-port.js';

export interface ConnectionDeps {
  socketFactory: SocketFactory;
  timers: Timers;
  random: () => number;
  policy?: BackoffPolicy;
  ackTimeoutMs?: number;
}

export const defaultAckTimeoutMs = 10_000;

type Listener<T> = (value: T) => void;

/**
 * The realtime half of a Parley client: the one socket of the signed-in user, opened with the
 * token, kept alive by keep-alive.ts (backoff, resync after a loss, `unauthorized` ends the
 * session, any other refusal is retried), every event and acknowledgement parsed with the shared
 * schemas. The desktop main process and the web page each give it a socket factory and timers.
 */
export class Connection {
  private machine = initialKeepAlive;
  private socket: SocketPort | null = null;
  private retryHandle: unknown = null;
  private target: { url: string; token: string } | null = null;
  private readonly listeners = {
    state: new Set<Listener<ConnectionState>>(),
    resync: new Set<Listener<void>>(),
    serverEvent: new Set<Listener<ServerEvent>>(),
    sessionExpired: new Set<Listener<void>>(),
  };

  constructor(private readonly deps: ConnectionDeps) {}

  get state(): ConnectionState {
    return this.machine.state;
  }

  start(url: string, token: string): void {
    this.dispatch({ type: 'stop' });
    this.target = { url, token };
    this.dispatch({ type: 'start' });
  }

  stop(): void {
    this.dispatch({ type: 'stop' });
    this.target = null;
  }

  /** The network returned. */
  wake(): void {
    this.dispatch({ type: 'wake' });
  }

  /** The computer woke from sleep. */
  resume(): void {
    this.dispatch({ type: 'resume' });
  }

  onState(listener: Listener<ConnectionState>) {
    return this.subscribe(this.listeners.state, listener);
  }
  onResync(listener: Listener<void>) {
    return this.subscribe(this.listeners.resync, listener);
  }
  onServerEvent(listener: Listener<ServerEvent>) {
    return this.subscribe(this.listeners.serverEvent, listener);
  }
  onSessionExpired(listener: Listener<void>) {
    return this.subscribe(this.listeners.sessionExpired, listener);
  }

  async send(payload: MessageSend): Promise<SendAck> {
    const checked = messageSendSchema.safeParse(payload);
    if (!checked.success) return { ok: false, error: { code: 'invalid_input', message: 'This message cannot be sent.' } };
    const answer = await this.request(socketEvents.message, checked.data);
    if (!answer.ok) return answer;
    const parsed = sendAckSchema.safeParse(answer.value);
    return parsed.success ? parsed.data : malformedAnswer;
  }

  async leaveGroup(groupId: number): Promise<SimpleAck> {
    const answer = await this.request(socketEvents.leaveGroup, { chat_group_id: groupId });
    if (!answer.ok) return answer;
    const parsed = simpleAckSchema.safeParse(answer.value);
    return parsed.success ? parsed.data : malformedAnswer;
  }

  /** An edit, a deletion or a reaction, each on its own socket event. */
  async changeMessage(request: MessageChangeRequest): Promise<ChangeAck> {
    const checked = messageChangeRequestSchema.safeParse(request);
    if (!checked.success) return { ok: false, error: { code: 'invalid_input', message: 'This change cannot be sent.' } };
    const { change, ...payload } = checked.data;
    const event = change === 'edit' ? socketEvents.editMessage : change === 'delete' ? socketEvents.deleteMessage : socketEvents.react;
    const answer = await this.request(event, payload);
    if (!answer.ok) return answer;
    const parsed = changeAckSchema.safeParse(answer.value);
    return parsed.success ? parsed.data : malformedAnswer;
  }

  async typing(payload: TypingSend): Promise<SimpleAck> {
    const checked = typingSendSchema.safeParse(payload);
    if (!checked.success) return { ok: false, error: { code: 'invalid_input', message: 'Not a conversation.' } };
    const answer = await this.request(socketEvents.typing, checked.data);
    if (!answer.ok) return answer;
    const parsed = simpleAckSchema.safeParse(answer.value);
    return parsed.success ? parsed.data : malformedAnswer;
  }

  private async request(
    event:
      | typeof socketEvents.message
      | typeof socketEvents.leaveGroup
      | typeof socketEvents.editMessage
      | typeof socketEvents.deleteMessage
      | typeof socketEvents.react
      | typeof socketEvents.typing,
    payload: unknown,
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: { code: 'internal'; message: string } }> {
    const socket = this.socket;
    if (!socket || this.machine.state.status !== 'connected') {
      return { ok: false, error: { code: 'internal', message: 'Not connected to the server; try again in a moment.' } };
    }
    try {
      return { ok: true, value: await socket.request(event, payload, this.deps.ackTimeoutMs ?? defaultAckTimeoutMs) };
    } catch {
      return { ok: false, error: { code: 'internal', message: 'The server did not answer in time.' } };
    }
  }

  private subscribe<T>(set: Set<Listener<T>>, listener: Listener<T>): () => void {
    set.add(listener);
    return () => set.delete(listener);
  }

  private dispatch(event: KeepAliveEvent): void {
    const before = this.machine.state;
    const step = keepAliveStep(this.machine, event, this.deps.policy ?? defaultBackoff, this.deps.random);
    this.machine = step.machine;
    for (const effect of step.effects) this.apply(effect);
    if (step.machine.state !== before) for (const listener of this.listeners.state) listener(step.machine.state);
  }

  private apply(effect: KeepAliveEffect): void {
    switch (effect.type) {
      case 'open_socket':
        this.openSocket();
        return;
      case 'close_socket':
        this.socket?.close();
        this.socket = null;
        return;
      case 'schedule_retry':
        this.clearRetry();
        this.retryHandle = this.deps.timers.setTimeout(() => {
          this.retryHandle = null;
          this.dispatch({ type: 'retry_due' });
        }, effect.inMs);
        return;
      case 'cancel_retry':
        this.clearRetry();
        return;
      case 'resync':
        for (const listener of this.listeners.resync) listener();
        return;
      case 'session_expired':
        this.target = null;
        for (const listener of this.listeners.sessionExpired) listener();
        return;
    }
  }

  private clearRetry(): void {
    if (this.retryHandle !== null) this.deps.timers.clearTimeout(this.retryHandle);
    this.retryHandle = null;
  }

  private openSocket(): void {
    this.socket?.close();
    if (!this.target) return;
    const socket = this.deps.socketFactory(this.target.url, this.target.token);
    this.socket = socket;
    // Events of a socket already replaced are stale: only the current one drives the machine.
    const current = () => this.socket === socket;
    socket.onConnect(() => current() && this.dispatch({ type: 'connected' }));
    socket.onDisconnect(() => current() && this.dispatch({ type: 'lost' }));
    socket.onConnectError((code) => {
      if (current()) this.dispatch({ type: code === handshakeErrorCode ? 'unauthorized' : 'lost' });
    });
    socket.onEvent((event, payload) => {
      if (!current()) return;
      const parsed = parseServerEvent(event, payload);
      // An event we do not know, or a malformed one, is never relayed; the next resync fills any gap.
      if (parsed === null) return;
      for (const listener of this.listeners.serverEvent) listener(parsed);
    });
  }
}

const malformedAnswer = {
  ok: false,
  error: { code: 'internal', message: 'The server answered in a form this app does not understand.' },
} as const;
