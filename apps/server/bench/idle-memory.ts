import type { Target } from './target.js';

export interface Memory {
  rss: number;
  heapUsed: number;
}

export interface IdleMemoryResult {
  rssPerSocket: number;
  heapPerSocket: number;
}

/** The server's retained memory (after a full GC), read over its IPC hook. */
export function serverMemory(target: Target): Promise<Memory> {
  return target.server.call<Memory>('memory');
}

/** Bytes per idle authenticated socket: the growth from no sockets to all of them, over their count. */
export function perSocket(before: Memory, after: Memory, sockets: number): IdleMemoryResult {
  return { rssPerSocket: (after.rss - before.rss) / sockets, heapPerSocket: (after.heapUsed - before.heapUsed) / sockets };
}
