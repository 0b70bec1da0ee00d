import { limits, ParleyError, parseOrThrow, historyQuerySchema } from '@parley/shared';

/** One page request, as the queries see it. */
export interface PageRequest {
  /** Only ids below this (`until`) or above it (`after`); none for the most recent page. */
  bound: { op: 'lt' | 'gt' | 'changed'; id: number } | null;
  /** Newest first for `until` and the latest page, oldest first for `after`. */
  order: 'desc' | 'asc';
  /** One more than a page, to learn whether more remain. */
  limit: number;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

export interface HistoryQuery {
  until?: number;
  after?: number;
  /** The messages changed since this cursor, in the order they changed. */
  changed_after?: number;
}

/** Reads `?until=` / `?after=` / `?changed_after=` with the shared schema; one at a time. */
export function parseHistoryQuery(query: unknown): HistoryQuery {
  const parsed = parseOrThrow(historyQuerySchema, query);
  if (parsed.until !== undefined && parsed.after !== undefined) {
    throw new ParleyError('invalid_input', 'Give until or after, not both.', { fields: { after: 'not with until' } });
  }
  if (parsed.changed_after !== undefined && (parsed.until !== undefined || parsed.after !== undefined)) {
    throw new ParleyError('invalid_input', 'Give changed_after alone.', { fields: { changed_after: 'not with until or after' } });
  }
  return parsed;
}

/**
 * Runs `fetch` for one page of at most 100 and returns it oldest first. An id beyond the safe
 * integer range cannot exist: `until` of one is every message, `after` of one is none.
 */
export async function readPage<T>(query: HistoryQuery, fetch: (request: PageRequest) => Promise<T[]>): Promise<Page<T>> {
  const size = limits.historyPageSize;
  if (query.changed_after !== undefined) {
    if (!Number.isSafeInteger(query.changed_after)) return { items: [], hasMore: false };
    const rows = await fetch({ bound: { op: 'changed', id: query.changed_after }, order: 'asc', limit: size + 1 });
    return { items: rows.slice(0, size), hasMore: rows.length > size };
  }
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

/**
 * The change cursor a page answers with: for a `changed_after` page that leaves more, the last
 * change it holds (the client asks again from there); otherwise the conversation's, read in the
 * page's own statement.
 */
export function changeCursorOfPage<T extends { changeSeq?: number | null }>(
  query: HistoryQuery,
  page: Page<T>,
  conversationCursor: number | undefined,
): number | undefined {
  if (query.changed_after !== undefined && page.hasMore) return page.items.at(-1)?.changeSeq ?? query.changed_after;
  if (conversationCursor === undefined) return query.changed_after;
  return Math.max(conversationCursor, query.changed_after ?? 0);
}
