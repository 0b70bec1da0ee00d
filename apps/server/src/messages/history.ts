import { limits, ParleyError, parseOrThrow, historyQuerySchema, type HistoryQuery } from '@parley/shared';

/** Messages older than the one asked for on an `?around=` page, and newer ones (besides it). */
export const aroundSpan = 50;

/** One page request, as the queries see it. */
export interface PageRequest {
  /**
   * Only ids below this (`until`) or above it (`after`), or messages changed after this change
   * cursor (`changed`); `around`: up to `before` ids below it (newest first) and up to `after`
   * from it upwards (oldest first), together. None for the most recent page.
   */
  bound: { op: 'lt' | 'gt' | 'changed'; id: number } | { op: 'around'; id: number; before: number; after: number } | null;
  /** Newest first for `until` and the latest page, oldest first for `after`, `changed` and `around`. */
  order: 'desc' | 'asc';
  /** One more than a page, to learn whether more remain. */
  limit: number;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
  /** Only for an `around` page: whether newer messages remain. */
  hasMoreAfter?: boolean;
}

/** Reads `?until=` / `?after=` / `?around=` / `?changed_after=` with the shared schema; more than one is refused. */
export function parseHistoryQuery(query: unknown): HistoryQuery {
  const parsed = parseOrThrow(historyQuerySchema, query);
  if (parsed.until !== undefined && parsed.after !== undefined) {
    throw new ParleyError('invalid_input', 'Give until or after, not both.', { fields: { after: 'not with until' } });
  }
  if (parsed.changed_after !== undefined && (parsed.until !== undefined || parsed.after !== undefined || parsed.around !== undefined)) {
    throw new ParleyError('invalid_input', 'Give changed_after alone.', { fields: { changed_after: 'not with until, after or around' } });
  }
  if (parsed.around !== undefined && (parsed.until !== undefined || parsed.after !== undefined)) {
    throw new ParleyError('invalid_input', 'Give around alone, without until or after.', {
      fields: { around: 'not with until or after' },
    });
  }
  return parsed;
}

/**
 * Runs `fetch` for one page of at most 100 and returns it oldest first. An id beyond the safe
 * integer range cannot exist: `until` of one is every message, `after` of one is none, `around`
 * one is the newest messages.
 */
export async function readPage<T extends { id: number }>(
  query: HistoryQuery,
  fetch: (request: PageRequest) => Promise<T[]>,
): Promise<Page<T>> {
  const size = limits.historyPageSize;
  if (query.changed_after !== undefined) {
    if (!Number.isSafeInteger(query.changed_after)) return { items: [], hasMore: false };
    const rows = await fetch({ bound: { op: 'changed', id: query.changed_after }, order: 'asc', limit: size + 1 });
    return { items: rows.slice(0, size), hasMore: rows.length > size };
  }
  if (query.around !== undefined) return readAround(query.around, fetch);
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

/**
 * The message `id` (when it is in the conversation) with up to `aroundSpan` before and after it,
 * oldest first, in one request: each side asks one more than it keeps, to learn whether more
 * remain that way.
 */
async function readAround<T extends { id: number }>(id: number, fetch: (request: PageRequest) => Promise<T[]>): Promise<Page<T>> {
  if (!Number.isSafeInteger(id)) {
    const page = await readPage({}, fetch);
    return { ...page, hasMoreAfter: false };
  }
  const rows = await fetch({
    bound: { op: 'around', id, before: aroundSpan + 1, after: aroundSpan + 2 },
    order: 'asc',
    limit: 2 * aroundSpan + 3,
  });
  const older = rows.filter((row) => row.id < id);
  const newer = rows.filter((row) => row.id >= id);
  return {
    items: [...older.slice(-aroundSpan), ...newer.slice(0, aroundSpan + 1)],
    hasMore: older.length > aroundSpan,
    hasMoreAfter: newer.length > aroundSpan + 1,
  };
}
