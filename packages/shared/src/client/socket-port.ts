/**
 * The little of a Socket.IO client the connection needs, so tests drive it with a fake socket
 * and the real one (socket-io-port.ts) stays a thin adapter, the same in Node and in a browser.
 */
export interface SocketPort {
  /** Lifecycle: `connect`, `disconnect` (with reason), `connect_error` (with the handshake's error code). */
  onConnect(listener: () => void): void;
  onDisconnect(listener: (reason: string) => void): void;
  onConnectError(listener: (code: string | undefined) => void): void;
  /** Every server event, by name, payload not yet trusted. */
  onEvent(listener: (event: string, payload: unknown) => void): void;
  /** Emits and waits for the acknowledgement, rejecting after `timeoutMs`. */
  request(event: string, payload: unknown, timeoutMs: number): Promise<unknown>;
  close(): void;
}

export type SocketFactory = (url: string, token: string) => SocketPort;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
