import { Agent, get as httpGet } from 'node:http';
import type { BenchDatabase } from './bench-database.js';
import { percentile } from './stats.js';

/**
 * The floor for a history page: the keyset query alone (latest 100 messages of one room, one
 * more to tell `has_more`), sent straight to the database from this process, sequentially. It
 * walks the (room_id, id) index as Parley's page does, whatever else is newer in the table.
 */
export async function timeKeysetSql(bench: BenchDatabase, roomId: number, warmup: number, count: number): Promise<{ p50: number; p99: number }> {
  const query = `select id, sender_id, body, created_at from messages where room_id = $1 order by room_id desc, id desc limit 101`;
  for (let i = 0; i < warmup; i += 1) await bench.raw(query, [roomId]);
  const ms: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t = performance.now();
    await bench.raw(query, [roomId]);
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

/** One GET on a keep-alive connection, with Node's own client: fetch's streams and allocations would be timed too. */
function get(agent: Agent, url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { agent, headers, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}

export interface HistoryHttp {
  page: { p50: number; p99: number };
  /** `GET /health` of the same server, interleaved with the pages: what HTTP alone costs on this machine now. */
  floor: { p50: number; p99: number };
}

/**
 * Parley's page over HTTP, request to last body byte, sequentially on one keep-alive connection,
 * each page followed by a `/health` request whose time is the floor. The warm-up is long enough
 * for V8 to have optimised the path (a server that has been up for a minute).
 */
export async function timeHistoryHttp(url: string, token: string, roomId: number, warmup: number, count: number): Promise<HistoryHttp> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const page: number[] = [];
  const floor: number[] = [];
  try {
    for (let i = 0; i < warmup + count; i += 1) {
      let t = performance.now();
      const response = await get(agent, `${url}/chat_rooms/${roomId}`, { authorization: `Bearer ${token}` });
      const pageMs = performance.now() - t;
      const body = JSON.parse(response.body) as { messages?: unknown[] };
      if (response.status !== 200 || body.messages?.length !== 100) throw new Error(`history page answered ${response.status}`);
      t = performance.now();
      const health = await get(agent, `${url}/health`, {});
      const floorMs = performance.now() - t;
      if (health.status !== 200) throw new Error(`/health answered ${health.status}`);
      if (i >= warmup) {
        page.push(pageMs);
        floor.push(floorMs);
      }
    }
  } finally {
    agent.destroy();
  }
  return { page: { p50: percentile(page, 50), p99: percentile(page, 99) }, floor: { p50: percentile(floor, 50), p99: percentile(floor, 99) } };
}

/**
 * The same GET of `/health`, sequentially on one keep-alive connection, against the bare
 * baseline (a plain `node:http` handler): what an HTTP request costs on this machine with no
 * framework and no database, the floor under both of Parley's rows.
 */
export async function timeHttpFloor(url: string, warmup: number, count: number): Promise<{ p50: number; p99: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const ms: number[] = [];
  try {
    for (let i = 0; i < warmup + count; i += 1) {
      const t = performance.now();
      const health = await get(agent, `${url}/health`, {});
      if (health.status !== 200) throw new Error(`/health answered ${health.status}`);
      if (i >= warmup) ms.push(performance.now() - t);
    }
  } finally {
    agent.destroy();
  }
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}
