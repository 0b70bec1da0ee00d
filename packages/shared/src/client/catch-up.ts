import type { Result } from '../ipc/bridge.js';
import type { HistoryPage } from '../ipc/contract.js';
import type { ParleyApi } from './parley-api.js';

interface HasId {
  id: number;
}

/** Messages of both lists, each id once (the newer copy wins), in id order: no gap, no duplicate. */
export function mergeMessages<T extends HasId>(existing: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map<number, T>();
  for (const message of existing) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export interface HistoryPageOf<T extends HasId> {
  messages: T[];
  has_more: boolean;
  /** Rooms and groups: the change cursor the page was read at (see `changed_after`). */
  change_cursor?: number;
}

/**
 * Follows pages from `start`: `step` says what a page adds and the cursor to ask from next. A
 * page that moves the cursor nowhere ends the walk even if it claims more, so it always ends;
 * after `maxPages` it gives up with `has_more: true`, so the caller knows to reload instead of
 * showing a gap. Each message is kept once, in its latest copy.
 */
async function walkPages<T extends HasId, P extends HistoryPageOf<T>>(
  fetchPage: (cursor: number) => Promise<Result<P>>,
  start: number,
  step: (page: P, cursor: number) => { messages: T[]; next: number },
  maxPages: number,
): Promise<Result<{ last: P; messages: T[]; cursor: number; hasMore: boolean }>> {
  let cursor = start;
  let collected: T[] = [];
  let last: P | null = null;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(cursor);
    if (!result.ok) return result;
    last = result.value;
    const { messages, next } = step(last, cursor);
    collected = mergeMessages(collected, messages);
    if (!last.has_more || next <= cursor) return { ok: true, value: { last, messages: collected, cursor: next, hasMore: false } };
    cursor = next;
  }
  return { ok: true, value: { last: last!, messages: collected, cursor, hasMore: true } };
}

/**
 * Catch-up after a reconnect: `?after=<id>` answers at most one page of the messages newer than
 * `id`, oldest first, with `has_more` when there are more. Follows the pages so the caller
 * receives everything it missed as one list (`walkPages`).
 */
export async function fetchAllAfter<T extends HasId, P extends HistoryPageOf<T>>(
  fetchPage: (after: number) => Promise<Result<P>>,
  after: number,
  maxPages = 20,
): Promise<Result<P>> {
  const walked = await walkPages<T, P>(
    fetchPage,
    after,
    (page, cursor) => {
      const newer = page.messages.filter((message) => message.id > cursor);
      return { messages: newer, next: Math.max(cursor, ...newer.map((message) => message.id)) };
    },
    maxPages,
  );
  if (!walked.ok) return walked;
  return { ok: true, value: { ...walked.value.last, messages: walked.value.messages, has_more: walked.value.hasMore } };
}

/**
 * Catch-up of changes: `?changed_after=<cursor>` answers the messages edited, deleted or reacted
 * to since, in the order they changed, and the cursor to ask from next. Follows the pages, each
 * message once in its latest state, like `fetchAllAfter`.
 */
export async function fetchAllChanges<T extends HasId, P extends HistoryPageOf<T>>(
  fetchPage: (cursor: number) => Promise<Result<P>>,
  since: number,
  maxPages = 20,
): Promise<Result<P>> {
  const walked = await walkPages<T, P>(fetchPage, since, (page, cursor) => ({ messages: page.messages, next: page.change_cursor ?? cursor }), maxPages);
  if (!walked.ok) return walked;
  const { last, messages, cursor, hasMore } = walked.value;
  return { ok: true, value: { ...last, messages, has_more: hasMore, change_cursor: cursor } };
}

/** A history call of the REST client: one page, older (`until`), newer (`after`) or the latest. */
type PageCall<P> = (page: HistoryPage) => Promise<Result<P>>;

/**
 * A page call that, given `after`, follows every page (see `fetchAllAfter`), and given
 * `changed_after` too, every change since (`fetchAllChanges`), read first so that the newer
 * messages' own state, read after, wins; otherwise one page.
 */
export function catchingUp<P extends HistoryPageOf<{ id: number }>>(fetchPage: PageCall<P>): PageCall<P> {
  type M = P['messages'][number];
  return async (page) => {
    if (page.after === undefined && page.changed_after === undefined) return fetchPage(page);
    const changes =
      page.changed_after === undefined
        ? null
        : await fetchAllChanges<M, P>((changed_after) => fetchPage({ changed_after }), page.changed_after);
    if (changes && !changes.ok) return changes;
    if (page.after === undefined) return changes!;
    const newer = await fetchAllAfter<M, P>((after) => fetchPage({ after }), page.after);
    if (!newer.ok || !changes) return newer;
    const value: P = {
      ...newer.value,
      messages: mergeMessages<M>(changes.value.messages, newer.value.messages),
      has_more: newer.value.has_more || changes.value.has_more,
      change_cursor: changes.value.change_cursor,
    };
    return { ok: true, value };
  };
}

/**
 * The REST client's history calls with catch-up built in, so the desktop and the web answer the
 * renderer's `after` request the same way: everything missed, in one answer.
 */
export function withCatchUp(api: ParleyApi): ParleyApi {
  return {
    ...api,
    botHistory: catchingUp((page) => api.botHistory(page)),
    chatRoom: (roomId, page) => catchingUp((p) => api.chatRoom(roomId, p))(page),
    chatGroup: (groupId, page) => catchingUp((p) => api.chatGroup(groupId, p))(page),
  };
}
