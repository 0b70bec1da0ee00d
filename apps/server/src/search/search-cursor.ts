import type { SearchMatch } from '@parley/shared';

/**
 * A search walks two id sequences at once, the rooms' and groups' messages and the bot chat's,
 * so its cursor holds one bound for each, and how its first page matched (".i": inside words),
 * so later pages match the same way: "<messages>.<bot>[.i]". A bound is exclusive; 0 means that
 * side is done; none (the first page) means from the newest.
 */
export interface SearchCursor {
  messagesBefore: number | null;
  botBefore: number | null;
  /** Null on the first page: word starts, then inside words if that finds nothing. */
  match: SearchMatch | null;
}

export const firstPage: SearchCursor = { messagesBefore: null, botBefore: null, match: null };

/** The shared schema has checked the form; an id beyond the safe range is past every id, so no bound. */
export function parseCursor(before: string | undefined): SearchCursor {
  if (before === undefined) return firstPage;
  const [messages, bot, inside] = before.split('.');
  const bound = (value: string | undefined) => {
    const n = Number(value);
    return value !== undefined && Number.isSafeInteger(n) ? n : null;
  };
  return { messagesBefore: bound(messages), botBefore: bound(bot), match: inside === 'i' ? 'inside_words' : 'word_start' };
}

export function formatCursor(cursor: { messagesBefore: number; botBefore: number; match: SearchMatch }): string | null {
  if (cursor.messagesBefore === 0 && cursor.botBefore === 0) return null;
  return `${cursor.messagesBefore}.${cursor.botBefore}${cursor.match === 'inside_words' ? '.i' : ''}`;
}
