import type { Target } from './target.js';

export interface Memory {
  rss: number;
  heapUsed: number;
}

export interface IdleMemoryResult {
  rssPerSocket: number;
  heapPerSocket: number;
}

/** The server's retained memory (after a full GC), read over its IPC hook; a cluster's, summed over its nodes. */
export async function serverMemory(target: Target): Promise<Memory> {
  const each = await Promise.all(target.servers.map((server) => server.call<Memory>('memory')));
  return each.reduce((sum, m) => ({ rss: sum.rss + m.rss, heapUsed: sum.heapUsed + m.heapUsed }), { rss: 0, heapUsed: 0 });
}

/** Bytes per idle authenticated socket: the growth from no sockets to all of them, over their count. */
export function perSocket(before: Memory, after: Memory, sockets: number): IdleMemoryResult {
  return { rssPerSocket: (after.rss - before.rss) / sockets, heapPerSocket: (after.heapUsed - before.heapUsed) / sockets };
}
