import { io } from 'socket.io-client';
import type { SocketFactory } from './socket-port.js';

/**
 * The real socket. Socket.IO's own reconnection is off: the keep-alive machine owns retries so
 * that resume, network return and resync follow one set of rules.
 */
export const socketIoFactory: SocketFactory = (url, token) => {
  const socket = io(url, {
    auth: { token },
    reconnection: false,
    transports: ['websocket', 'polling'],
    timeout: 10_000,
  });
  return {
    onConnect: (listener) => socket.on('connect', listener),
    onDisconnect: (listener) => socket.on('disconnect', (reason) => listener(reason)),
    onConnectError: (listener) =>
      socket.on('connect_error', (error: Error & { data?: unknown }) => {
        const data = error.data;
        const code = typeof data === 'object' && data !== null && 'code' in data ? String(data.code) : undefined;
        listener(code);
      }),
    onEvent: (listener) => socket.onAny((event: string, payload: unknown) => listener(event, payload)),
    request: (event, payload, timeoutMs) => socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<unknown>,
    close: () => {
      socket.removeAllListeners();
      socket.offAny();
      socket.disconnect();
    },
  };
};
