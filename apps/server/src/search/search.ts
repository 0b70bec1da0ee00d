import { highlightRanges, matchesInsideWords, searchLimits, type SearchMatch, type SearchResult, type UserSummary } from '@parley/shared';
import type { Database } from '../db/client.js';
import { toBotMessage, toChatMessage } from '../messages/message-shapes.js';
import { formatCursor, type SearchCursor } from './search-cursor.js';
import { searchBotChat, searchConversations, type FoundBotMessage, type FoundMessage } from './search.queries.js';

export const botConversationName = 'Parley Bot';

export interface SearchPage {
  results: SearchResult[];
  next: string | null;
  match: SearchMatch;
}

type Entry = { kind: 'message'; found: FoundMessage } | { kind: 'bot'; found: FoundBotMessage };

function toResult(entry: Entry, words: string[], match: SearchMatch, me: UserSummary): SearchResult {
  const highlights = highlightRanges(entry.found.body, words, match);
  if (entry.kind === 'bot') {
    const { found } = entry;
    return {
      chat_type: 'bot',
      conversation_name: botConversationName,
      sender: found.isUser ? me : null,
      message: toBotMessage(found),
      highlights,
    };
  }
  const { found } = entry;
  const sender = { user_id: found.senderId, first_name: found.senderFirstName, last_name: found.senderLastName };
  const message = toChatMessage(found);
  if (found.other && found.roomId !== null) {
    const other = { user_id: found.other.id, first_name: found.other.firstName, last_name: found.other.lastName };
    return {
      chat_type: 'room',
      chat_room_id: found.roomId,
      other_user: other,
      conversation_name: `${other.first_name} ${other.last_name}`,
      sender,
      message,
      highlights,
    };
  }
  return {
    chat_type: 'group',
    chat_group_id: found.groupId ?? 0,
    conversation_name: found.groupName ?? '',
    sender,
    message,
    highlights,
  };
}

/**
 * One page of a search over every conversation `me` can read, newest first. Words match the
 * start of words; a first page that finds nothing that way looks inside words (when a word is
 * long enough), and the cursor keeps that choice for the pages after it.
 */
export async function searchPage(db: Database, me: UserSummary, words: string[], cursor: SearchCursor): Promise<SearchPage> {
  if (cursor.match !== null) return matchedPage(db, me, words, cursor, cursor.match);
  const page = await matchedPage(db, me, words, cursor, 'word_start');
  if (page.results.length > 0 || !words.some((word) => matchesInsideWords(word, 'inside_words'))) return page;
  return matchedPage(db, me, words, cursor, 'inside_words');
}

/**
 * The two sides are read a page and one each, merged by time, and each side's bound moves past
 * what was shown.
 */
async function matchedPage(db: Database, me: UserSummary, words: string[], cursor: SearchCursor, match: SearchMatch): Promise<SearchPage> {
  const size = searchLimits.pageSize;
  const [messages, bot] = await Promise.all([
    cursor.messagesBefore === 0 ? [] : searchConversations(db, me.user_id, words, match, cursor.messagesBefore, size + 1),
    cursor.botBefore === 0 ? [] : searchBotChat(db, me.user_id, words, match, cursor.botBefore, size + 1),
  ]);
  const entries: Entry[] = [
    ...messages.map((found) => ({ kind: 'message' as const, found })),
    ...bot.map((found) => ({ kind: 'bot' as const, found })),
  ];
  entries.sort((a, b) => b.found.createdAt.getTime() - a.found.createdAt.getTime() || b.found.id - a.found.id);
  const shown = entries.slice(0, size);
  // A side whose rows were all shown (it returned no extra one) is done; otherwise the next page
  // starts below the last row shown of it, or at its newest row when none was shown.
  const boundOf = (kind: Entry['kind'], rows: { id: number }[]): number => {
    const taken = shown.filter((entry) => entry.kind === kind);
    if (rows.length <= size && taken.length === rows.length) return 0;
    const last = taken[taken.length - 1];
    return last ? last.found.id : rows[0]!.id + 1;
  };
  const next = formatCursor({ messagesBefore: boundOf('message', messages), botBefore: boundOf('bot', bot), match });
  return { results: shown.map((entry) => toResult(entry, words, match, me)), next, match };
}
