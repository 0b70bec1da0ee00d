import { groupKey, searchWords, userKey, type ConversationKey, type SearchResult } from '@parley/shared';
import type { ActionContext } from './context';

/** The conversation a result belongs to, as the sidebar keys it. */
export function resultConversation(result: SearchResult): ConversationKey {
  if (result.chat_type === 'room') return userKey(result.other_user.user_id);
  if (result.chat_type === 'group') return groupKey(result.chat_group_id);
  return 'bot';
}

/**
 * Runs a search, or, with `more`, fetches the next older page of the one shown. An answer that
 * arrives after the query changed is dropped: only the latest query's results are shown.
 */
export async function runSearch(ctx: ActionContext, query: string, more = false): Promise<void> {
  const { store, bridge } = ctx;
  const current = store.getState().search;
  if (searchWords(query).length === 0) {
    store.getState().updateSearch((s) => ({ ...s, query, results: [], next: null, status: 'idle', error: null }));
    return;
  }
  const before = more ? current.next : null;
  if (more && before === null) return;
  store.getState().updateSearch((s) => ({ ...s, query, status: 'loading', error: null, ...(more ? {} : { results: [], next: null }) }));
  const result = await bridge.api.search(before === null ? { q: query } : { q: query, before });
  store.getState().updateSearch((s) => {
    if (s.query !== query || !s.open) return s;
    if (!result.ok) return { ...s, status: 'error', error: result.error.message };
    return {
      ...s,
      results: more ? [...s.results, ...result.value.results] : result.value.results,
      next: result.value.next_before,
      status: 'ready',
      insideWords: result.value.match === 'inside_words',
    };
  });
}
