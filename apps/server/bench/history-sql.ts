import type { BenchDatabase } from './bench-database.js';
import { percentile } from './stats.js';

/**
 * The floor for a history page: the keyset query alone (latest 100 messages of one room, one
 * more to tell `has_more`), sent straight to the database from this process, sequentially.
 */
export async function timeKeysetSql(bench: BenchDatabase, roomId: number, warmup: number, count: number): Promise<{ p50: number; p99: number }> {
  const query = `select id, sender_id, body, created_at from messages where room_id = $1 order by id desc limit 101`;
  for (let i = 0; i < warmup; i += 1) await bench.raw(query, [roomId]);
  const ms: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t = performance.now();
    await bench.raw(query, [roomId]);
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

/** Parley's page over HTTP with keep-alive: request to last body byte, sequentially. */
export async function timeHistoryHttp(url: string, token: string, roomId: number, warmup: number, count: number): Promise<{ p50: number; p99: number }> {
  const ms: number[] = [];
  for (let i = 0; i < warmup + count; i += 1) {
    const t = performance.now();
    const response = await fetch(`${url}/chat_rooms/${roomId}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { messages?: unknown[] };
    if (response.status !== 200 || body.messages?.length !== 100) throw new Error(`history page answered ${response.status}`);
    if (i >= warmup) ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}
