import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

export interface LoopbackSocketServer {
  url: string;
  io: Server;
  close(): Promise<void>;
}

/** A real Socket.IO server on 127.0.0.1 (a free port, or `port` for a restart), for tests of the clients' sockets. */
export async function startLoopbackSocketServer(port = 0): Promise<LoopbackSocketServer> {
  const http = createServer();
  const io = new Server(http);
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    io,
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
