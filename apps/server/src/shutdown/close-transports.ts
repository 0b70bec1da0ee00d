import type { ParleyServer } from '../context.js';

/**
 * Closes every client's transport after what is buffered for it has been written, so clients see
 * "transport close" and Socket.IO's reconnection brings them back to the restarted server.
 * (`disconnectSockets(true)` would tell them "io server disconnect": do not reconnect.)
 * Resolves when all are closed or after `boundMs`.
 */
export function closeTransports(io: ParleyServer, boundMs: number): Promise<void> {
  const sockets = [...io.of('/').sockets.values()];
  const closed = sockets.map(
    (socket) => new Promise<void>((resolve) => {
      if (socket.conn.readyState === 'closed') {
        resolve();
        return;
      }
      socket.conn.once('close', () => resolve());
      socket.conn.close();
    }),
  );
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, boundMs);
    void Promise.all(closed).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
