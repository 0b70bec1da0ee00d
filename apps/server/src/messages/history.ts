import { limits, ParleyError, parseOrThrow, historyQuerySchema } from '@parley/shared';

/** One page request, as the queries see it. */
export interface PageRequest {
  /** Only ids below this (`until`) or above it (`after`); none for the most recent page. */
  bound: { op: 'lt' | 'gt'; id: number } | null;
  /** Newest first for `until` and the latest page, oldest first for `after`. */
  order: 'desc' | 'asc';
  /** One more than a page, to learn whether more remain. */
  limit: number;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

/** Reads `?until=` / `?after=` with the shared schema; both at once is refused. */
export function parseHistoryQuery(query: unknown): { until?: number; after?: number } {
  const parsed = parseOrThrow(historyQuerySchema, query);
  if (parsed.until !== undefined && parsed.after !== undefined) {
    throw new ParleyError('invalid_input', 'Give until or after, not both.', { fields: { after: 'not with until' } });
  }
  return parsed;
}

/**
 * Runs `fetch` for one page of at most 100 and returns it oldest first. An id beyond the safe
 * integer range cannot exist: `until` of one is every message, `after` of one is none.
 */
export async function readPage<T>(
  query: { until?: number; after?: number },
  fetch: (request: PageRequest) => Promise<T[]>,
): Promise<Page<T>> {
  const size = limits.historyPageSize;
  if (query.after !== undefined) {
    if (!Number.isSafeInteger(query.after)) return { items: [], hasMore: false };
    const rows = await fetch({ bound: { op: 'gt', id: query.after }, order: 'asc', limit: size + 1 });
    return { items: rows.slice(0, size), hasMore: rows.length > size };
  }
  const bound =
    query.until !== undefined && Number.isSafeInteger(query.until) ? { op: 'lt' as const, id: query.until } : null;
  const rows = await fetch({ bound, order: 'desc', limit: size + 1 });
  return { items: rows.slice(0, size).reverse(), hasMore: rows.length > size };
}
