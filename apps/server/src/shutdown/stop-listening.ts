import type { Server as HttpServer } from 'node:http';
import { Server as NetServer } from 'node:net';

/**
 * Stops accepting connections and resolves once every open one has ended. Unlike
 * `http.Server#close`, it leaves idle keep-alive connections open: one that looks idle may hold a
 * request the client has already written and the server has not read yet, which deserves its
 * answer (answers during a drain close their connection).
 */
export function stopListening(httpServer: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    NetServer.prototype.close.call(httpServer, () => resolve());
  });
}

/**
 * Resolves after the event loop's next poll for I/O: connections the kernel has already queued
 * are accepted and requests already written on open connections are read (and so counted as in
 * flight). Closing the listener before that would reset connections clients believe are open.
 */
export function afterPendingIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
