import { z } from 'zod';
import { idSchema } from './common.js';
import { botMessageSchema, chatMessageSchema } from './messages.js';
import { userSummarySchema } from './users.js';
import { searchLimits, searchWords } from '../search-terms.js';

/**
 * `GET /search?q=<words>[&before=<cursor>]`: `q` holds 1–200 code points with at least one word
 * (letters or digits); `before` is the `next_before` of the page before, opaque to clients.
 */
export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'is required' })
    .refine((q) => Array.from(q).length <= searchLimits.queryMaxCodePoints, `must be at most ${searchLimits.queryMaxCodePoints} characters`)
    .refine((q) => searchWords(q).length > 0, 'must hold a word (letters or digits)'),
  before: z
    .string()
    .regex(/^[0-9]{1,19}\.[0-9]{1,19}(\.i)?$/, 'must be the next_before of an earlier page')
    .optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** `[start, end)` in code points of the message text: where a word of the query matched. */
export const highlightRangeSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type HighlightRange = z.infer<typeof highlightRangeSchema>;

const resultBase = {
  /** The other person (room), the group's name, or the bot's name: the conversation as the sidebar names it. */
  conversation_name: z.string(),
  highlights: z.array(highlightRangeSchema),
};

export const roomSearchResultSchema = z.object({
  chat_type: z.literal('room'),
  chat_room_id: idSchema,
  /** The other person of the room: what the client needs to open it. */
  other_user: userSummarySchema,
  sender: userSummarySchema,
  message: chatMessageSchema,
  ...resultBase,
});
export const groupSearchResultSchema = z.object({
  chat_type: z.literal('group'),
  chat_group_id: idSchema,
  sender: userSummarySchema,
  message: chatMessageSchema,
  ...resultBase,
});
export const botSearchResultSchema = z.object({
  chat_type: z.literal('bot'),
  /** The caller for their own turns, null for the bot's replies. */
  sender: userSummarySchema.nullable(),
  message: botMessageSchema,
  ...resultBase,
});
export const searchResultSchema = z.discriminatedUnion('chat_type', [
  roomSearchResultSchema,
  groupSearchResultSchema,
  botSearchResultSchema,
]);
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchResponseSchema = z.object({
  /** Newest first. */
  results: z.array(searchResultSchema),
  /** The cursor of the next (older) page, or null when this is the last. */
  next_before: z.string().nullable(),
  /**
   * `word_start`: each word begins a word of the message. `inside_words`: nothing matched that
   * way, so words of three letters or more were looked for inside words too.
   */
  match: z.enum(['word_start', 'inside_words']),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;
