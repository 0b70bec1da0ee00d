/**
 * A search walks two id sequences at once, the rooms' and groups' messages and the bot chat's,
 * so its cursor holds one bound for each: "<messages>.<bot>". A bound is exclusive; 0 means that
 * side is done; none (the first page) means from the newest.
 */
export interface SearchCursor {
  messagesBefore: number | null;
  botBefore: number | null;
}

export const firstPage: SearchCursor = { messagesBefore: null, botBefore: null };

/** The shared schema has checked the form; an id beyond the safe range is past every id, so no bound. */
export function parseCursor(before: string | undefined): SearchCursor {
  if (before === undefined) return firstPage;
  const [messages, bot] = before.split('.').map(Number);
  const bound = (value: number | undefined) => (value !== undefined && Number.isSafeInteger(value) ? value : null);
  return { messagesBefore: bound(messages), botBefore: bound(bot) };
}

export function formatCursor(cursor: SearchCursor): string | null {
  if (cursor.messagesBefore === 0 && cursor.botBefore === 0) return null;
  return `${cursor.messagesBefore ?? 0}.${cursor.botBefore ?? 0}`;
}
