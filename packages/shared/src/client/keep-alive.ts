import type { ConnectionState } from '../ipc/bridge.js';
import { backoffDelay, type BackoffPolicy } from './backoff.js';

/**
 * The connection's keep-alive as a pure state machine: events in, the next state and the effects
 * to carry out. No timers, no sockets here, so every path is tested with plain values.
 */
export type KeepAliveEvent =
  /** Signed in (or started with a stored session): open the socket. */
  | { type: 'start' }
  /** The socket's handshake succeeded. */
  | { type: 'connected' }
  /** The socket closed or failed to connect for a reason other than the token. */
  | { type: 'lost' }
  /** The handshake was refused because the token is no longer valid. */
  | { type: 'unauthorized' }
  /** The backoff timer ran out. */
  | { type: 'retry_due' }
  /** The network came back: do not wait for the timer. */
  | { type: 'wake' }
  /**
   * The computer woke from sleep. A socket that looks connected may be dead (its peer dropped
   * it meanwhile) and the heartbeat would take up to a minute to notice: reconnect at once.
   */
  | { type: 'resume' }
  /** Signed out: close and stay closed. */
  | { type: 'stop' };

export type KeepAliveEffect =
  | { type: 'open_socket' }
  | { type: 'close_socket' }
  | { type: 'schedule_retry'; inMs: number }
  | { type: 'cancel_retry' }
  /** Connected again after a loss: the client should catch up on what it missed. */
  | { type: 'resync' }
  /** The server refused the token: forget the session. */
  | { type: 'session_expired' };

export interface KeepAliveMachine {
  state: ConnectionState;
  /** Whether this session has been connected before, so a new connection means catching up. */
  wasConnected: boolean;
}

export const initialKeepAlive: KeepAliveMachine = { state: { status: 'signed_out' }, wasConnected: false };

export interface KeepAliveStep {
  machine: KeepAliveMachine;
  effects: KeepAliveEffect[];
}

function retry(attempt: number, machine: KeepAliveMachine, policy: BackoffPolicy, random: () => number): KeepAliveStep {
  const inMs = backoffDelay(attempt, policy, random);
  return {
    machine: { ...machine, state: { status: 'reconnecting', attempt, retryInMs: inMs } },
    effects: [{ type: 'close_socket' }, { type: 'schedule_retry', inMs }],
  };
}

export function keepAliveStep(
  machine: KeepAliveMachine,
  event: KeepAliveEvent,
  policy: BackoffPolicy,
  random: () => number,
): KeepAliveStep {
  const { state } = machine;
  const unchanged: KeepAliveStep = { machine, effects: [] };

  if (event.type === 'stop') {
    if (state.status === 'signed_out') return unchanged;
    return {
      machine: initialKeepAlive,
      effects: [{ type: 'cancel_retry' }, { type: 'close_socket' }],
    };
  }
  if (event.type === 'start') {
    if (state.status !== 'signed_out') return unchanged;
    return {
      machine: { state: { status: 'connecting' }, wasConnected: false },
      effects: [{ type: 'open_socket' }],
    };
  }
  if (state.status === 'signed_out') return unchanged;

  switch (event.type) {
    case 'connected': {
      const effects: KeepAliveEffect[] = [{ type: 'cancel_retry' }];
      // After any loss (even one before the first success) the page may have missed messages.
      if (machine.wasConnected || state.status === 'reconnecting') effects.push({ type: 'resync' });
      return { machine: { state: { status: 'connected' }, wasConnected: true }, effects };
    }
    case 'lost': {
      const attempt = state.status === 'reconnecting' ? state.attempt + 1 : 1;
      return retry(attempt, machine, policy, random);
    }
    case 'unauthorized':
      return {
        machine: initialKeepAlive,
        effects: [{ type: 'cancel_retry' }, { type: 'close_socket' }, { type: 'session_expired' }],
      };
    case 'retry_due':
      if (state.status !== 'reconnecting') return unchanged;
      return {
        machine: { ...machine, state: { ...state, retryInMs: 0 } },
        effects: [{ type: 'open_socket' }],
      };
    case 'resume':
      if (state.status === 'connected') {
        return {
          machine: { ...machine, state: { status: 'reconnecting', attempt: 1, retryInMs: 0 } },
          effects: [{ type: 'close_socket' }, { type: 'open_socket' }],
        };
      }
      return keepAliveStep(machine, { type: 'wake' }, policy, random);
    case 'wake':
      // Only a connection waiting on its timer is hurried; one already trying is left alone.
      if (state.status !== 'reconnecting' || state.retryInMs === 0) return unchanged;
      return {
        machine: { ...machine, state: { ...state, retryInMs: 0 } },
        effects: [{ type: 'cancel_retry' }, { type: 'open_socket' }],
      };
  }
}
