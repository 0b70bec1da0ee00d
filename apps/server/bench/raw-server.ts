import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientToServerEvents, RoomChatMessage, ServerToClientEvents } from '@parley/shared';
import { Server } from 'socket.io';
import { onCleanup } from './cleanup.js';

/**
 * The floor for the send path: a bare Socket.IO server with no database, no parsing and no auth
 * beyond a name. It acks each `message` with a message of Parley's ack shape and forwards it to
 * the other socket, so the client loop is exactly the one used against Parley.
 */
export async function startRawServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const httpServer = createServer();
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, { transports: ['websocket'] });
  let nextId = 1;
  io.on('connection', (socket) => {
    const token: unknown = socket.handshake.auth.token;
    const me = token === 'sender' ? 'sender' : 'receiver';
    void socket.join(me);
    socket.on('message', (payload: unknown, ack?: unknown) => {
      const text = (payload as { message?: unknown } | null)?.message;
      const message: RoomChatMessage = {
        id: nextId++,
        chat_room_id: 1,
        user_id: 1,
        message: typeof text === 'string' ? text : '',
        timestamp: new Date().toISOString(),
      };
      if (typeof ack === 'function') ack({ ok: true, message });
      io.to('receiver').emit('message', { chat_type: 'room', ...message });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    io.disconnectSockets(true);
    await new Promise<void>((resolve) => {
      void io.close(() => resolve());
      httpServer.closeAllConnections();
    });
  };
  onCleanup('stop the raw Socket.IO server', close);
  return { url: `http://127.0.0.1:${port}`, close };
}
