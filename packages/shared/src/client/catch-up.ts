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
}

/**
 * Catch-up after a reconnect: `?after=<id>` answers at most one page of the messages newer than
 * `id`, oldest first, with `has_more` when there are more. Follows the pages until none is left so
 * the caller receives everything it missed as one list, or gives up after `maxPages` with
 * `has_more: true` so the caller knows to reload instead of showing a gap.
 */
export async function fetchAllAfter<T extends HasId, P extends HistoryPageOf<T>>(
  fetchPage: (after: number) => Promise<Result<P>>,
  after: number,
  maxPages = 20,
): Promise<Result<P>> {
  let cursor = after;
  let collected: T[] = [];
  let last: P | null = null;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(cursor);
    if (!result.ok) return result;
    last = result.value;
    const newer = last.messages.filter((message) => message.id > cursor);
    collected = mergeMessages(collected, newer);
    const highest = collected.at(-1)?.id ?? cursor;
    // A page that brings nothing newer ends the walk even if it claims more, so it always ends.
    if (!last.has_more || highest <= cursor) return { ok: true, value: { ...last, messages: collected, has_more: false } };
    cursor = highest;
  }
  return { ok: true, value: { ...last!, messages: collected, has_more: true } };
}

/** A history call of the REST client: one page, older (`until`), newer (`after`) or the latest. */
type PageCall<P> = (page: HistoryPage) => Promise<Result<P>>;

/** A page call that, given `after`, follows every page (see `fetchAllAfter`); otherwise one page. */
export function catchingUp<P extends HistoryPageOf<{ id: number }>>(fetchPage: PageCall<P>): PageCall<P> {
  return (page) => {
    if (page.after === undefined) return fetchPage(page);
    return fetchAllAfter<P['messages'][number], P>((after) => fetchPage({ after }), page.after);
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
