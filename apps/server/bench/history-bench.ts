import { chatRoomResponseSchema, limits } from '@parley/shared';
import type { BenchDatabase } from './bench-database.js';
import type { SeededRoom } from './seed.js';
import { median, percentile } from './stats.js';

export type PageKind = 'latest' | 'until' | 'after';
export const pageKinds: readonly PageKind[] = ['latest', 'until', 'after'];

export interface PageTiming {
  kind: PageKind;
  room: 'big' | 'small';
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  statementsPerRequest: number;
}

export interface PagePlan {
  kind: PageKind;
  /** `custom`: planned for these parameter values; `generic`: the cached plan of a prepared statement. */
  plan: 'custom' | 'generic';
  room: 'big' | 'small';
  firstLine: string;
  /** The plan node that reads `messages`, e.g. "Index Scan Backward using messages_pkey". */
  scan: string;
  executionMs: number;
}

const requestTimeoutMs = 10_000;

export function pagePath(room: SeededRoom, kind: PageKind): string {
  if (kind === 'latest') return `/chat_rooms/${room.id}`;
  return `/chat_rooms/${room.id}?${kind}=${room.middleId}`;
}

/**
 * One GET, timed from the request to the last byte of the body; the answer is then checked
 * (outside the timing) so a fast wrong page can never pass for a fast page.
 */
async function timedGet(url: string, token: string, room: SeededRoom, kind: PageKind): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}${pagePath(room, kind)}`, {
    headers: { authentication: token },
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${pagePath(room, kind)} answered ${response.status}: ${text}`);
  const page = chatRoomResponseSchema.parse(JSON.parse(text));
  const ids = page.messages.map((m) => m.id);
  const inBounds =
    kind === 'latest' ? true : kind === 'until' ? ids.every((id) => id < room.middleId) : ids.every((id) => id > room.middleId);
  // The middle message sits at index floor(size / 2): that many are older, the rest newer.
  const older = Math.floor(room.size / 2);
  const available = kind === 'latest' ? room.size : kind === 'until' ? older : room.size - older - 1;
  const expected = Math.min(limits.historyPageSize, available);
  if (page.messages.length !== expected || !inBounds || page.has_more !== available > expected) {
    throw new Error(`${pagePath(room, kind)} gave a wrong page (${page.messages.length} messages)`);
  }
  return elapsed;
}

/**
 * `warmup` untimed then `count` timed requests per page kind, alternating the big and the small
 * room so both see the same machine conditions. Sequential: this is latency, not throughput.
 */
export async function timePages(
  bench: BenchDatabase,
  url: string,
  token: string,
  rooms: { big: SeededRoom; small: SeededRoom },
  options: { warmup: number; count: number; deadline: number },
): Promise<PageTiming[]> {
  const results: PageTiming[] = [];
  for (const kind of pageKinds) {
    for (let i = 0; i < options.warmup; i++) {
      await timedGet(url, token, rooms.big, kind);
      await timedGet(url, token, rooms.small, kind);
    }
    const samples = { big: [] as number[], small: [] as number[] };
    const statements = { big: 0, small: 0 };
    for (let i = 0; i < options.count; i++) {
      if (performance.now() > options.deadline) throw new Error(`history timing passed its time limit (${kind})`);
      for (const which of ['big', 'small'] as const) {
        const before = bench.log.count;
        samples[which].push(await timedGet(url, token, rooms[which], kind));
        statements[which] += bench.log.count - before;
      }
    }
    for (const which of ['big', 'small'] as const) {
      results.push({
        kind,
        room: which,
        medianMs: median(samples[which]),
        p95Ms: percentile(samples[which], 95),
        p99Ms: percentile(samples[which], 99),
        statementsPerRequest: statements[which] / options.count,
      });
    }
  }
  return results;
}

/**
 * The exact statement the server ran for one page (captured from the driver), re-run under
 * EXPLAIN (ANALYZE, BUFFERS) with the same parameters, for each room and page kind.
 */
export async function explainPages(
  bench: BenchDatabase,
  url: string,
  token: string,
  rooms: { big: SeededRoom; small: SeededRoom },
): Promise<PagePlan[]> {
  const plans: PagePlan[] = [];
  for (const kind of pageKinds) for (const which of ['big', 'small'] as const) {
    const pageQuery = await capturePageQuery(bench, url, token, rooms[which], kind);
    plans.push(summarize(kind, which, 'custom', await explain(bench, pageQuery.text, pageQuery.params)));
    if (bench.db.kind === 'postgres') {
      plans.push(summarize(kind, which, 'generic', await explainGeneric(bench, pageQuery.text, pageQuery.params)));
    }
  }
  return plans;
}

async function explain(bench: BenchDatabase, text: string, params: unknown[]): Promise<string[]> {
  const rows = await bench.raw(`explain (analyze, buffers) ${text}`, params);
  return rows.map((row) => String(Object.values(row)[0]));
}

/**
 * postgres.js runs every query as a named prepared statement, and PostgreSQL may switch such a
 * statement to one generic plan (made without the parameter values) after five executions. This
 * shows that plan; the benchmark's admin link has one connection, so the session settings stick.
 */
async function explainGeneric(bench: BenchDatabase, text: string, params: unknown[]): Promise<string[]> {
  const literals = params.map((value) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error(`unexpected parameter ${String(value)}`);
    return String(value);
  });
  await bench.raw(`prepare parley_bench_page as ${text}`);
  try {
    await bench.raw('set plan_cache_mode = force_generic_plan');
    const args = literals.length > 0 ? `(${literals.join(', ')})` : '';
    return await explain(bench, `execute parley_bench_page${args}`, []);
  } finally {
    await bench.raw('reset plan_cache_mode');
    await bench.raw('deallocate parley_bench_page');
  }
}

function summarize(kind: PageKind, room: 'big' | 'small', plan: 'custom' | 'generic', lines: string[]): PagePlan {
  const execution = lines.map((line) => /Execution Time: ([\d.]+) ms/.exec(line)).find((m) => m !== null);
  const scan = lines.map((line) => /([A-Z][\w ]*Scan[\w ]*?(?: using \w+)?) on messages/.exec(line)).find((m) => m);
  return {
    kind,
    plan,
    room,
    firstLine: lines[0] ?? '',
    scan: scan?.[1] ?? '?',
    executionMs: execution ? Number(execution[1]) : Number.NaN,
  };
}

export interface SqlTiming {
  kind: PageKind;
  room: 'big' | 'small';
  medianMs: number;
  p99Ms: number;
}

/**
 * The page query alone, exactly as the server sent it, timed `count` times on the benchmark's
 * own link (one connection, unnamed statements): the floor an HTTP page is compared with.
 */
export async function timePageSql(
  bench: BenchDatabase,
  url: string,
  token: string,
  rooms: { big: SeededRoom; small: SeededRoom },
  options: { warmup: number; count: number },
): Promise<SqlTiming[]> {
  const results: SqlTiming[] = [];
  for (const kind of pageKinds) for (const which of ['big', 'small'] as const) {
    const query = await capturePageQuery(bench, url, token, rooms[which], kind);
    for (let i = 0; i < options.warmup; i++) await bench.raw(query.text, query.params);
    const samples: number[] = [];
    for (let i = 0; i < options.count; i++) {
      const started = performance.now();
      await bench.raw(query.text, query.params);
      samples.push(performance.now() - started);
    }
    results.push({ kind, room: which, medianMs: median(samples), p99Ms: percentile(samples, 99) });
  }
  return results;
}

async function capturePageQuery(
  bench: BenchDatabase,
  url: string,
  token: string,
  room: SeededRoom,
  kind: PageKind,
): Promise<{ text: string; params: unknown[] }> {
  // After a pause (the profile being written) the server may have closed the idle keep-alive
  // socket just as the client reuses it; an untimed request first takes that reset.
  await fetch(`${url}/health`, { signal: AbortSignal.timeout(requestTimeoutMs) }).catch(() => undefined);
  bench.log.captured.length = 0;
  bench.log.capturing = true;
  try {
    await timedGet(url, token, room, kind);
  } finally {
    bench.log.capturing = false;
  }
  const pageQuery = bench.log.captured.find((s) => /from "?messages"?/i.test(s.text) && /order by/i.test(s.text));
  if (!pageQuery) throw new Error(`no page query was captured for ${kind}`);
  return pageQuery;
}
