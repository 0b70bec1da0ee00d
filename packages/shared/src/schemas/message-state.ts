import { z } from 'zod';
import { clientIdSchema, idSchema, timestampSchema } from './common.js';
import { chatMessageSchema } from './messages.js';

/** How much a message may carry in reactions: distinct emoji, and emoji from one person. */
export const reactionLimits = {
  distinctEmojiPerMessage: 20,
  emojiPerUserPerMessage: 10,
  /** A single emoji grapheme is short; a family or a flag with modifiers stays well under this. */
  emojiMaxCodePoints: 16,
} as const;

const emojiPresentation = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
// Only what an emoji sequence may hold: pictographs, skin tones, joiners, variation selectors,
// tags (subdivision flags), regional indicators and keycap bases.
const emojiPart = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200D|\uFE0E|\uFE0F|\u20E3|[#*0-9]|[\u{E0020}-\u{E007F}])+$/u;

function isOneGrapheme(text: string): boolean {
  const segments = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text);
  let count = 0;
  for (const _ of segments) if (++count > 1) return false;
  return count === 1;
}

/** One emoji grapheme (👍, ❤️, 👍🏽, 🇫🇷, 1️⃣), nothing else: no text, no two emoji at once. */
export const reactionEmojiSchema = z
  .string({ error: 'must be one emoji' })
  .refine((s) => [...s].length <= reactionLimits.emojiMaxCodePoints, 'must be one emoji')
  .refine((s) => emojiPart.test(s) && emojiPresentation.test(s) && isOneGrapheme(s), 'must be one emoji');

/** One emoji on a message and who put it there, in the order they did. */
export const reactionSchema = z.object({ emoji: z.string(), user_ids: z.array(idSchema).min(1) });
export type Reaction = z.infer<typeof reactionSchema>;

/**
 * A message as history shows it now: its text (and `edited_at` once edited) and its reactions,
 * both only when there are any, so a message never touched is exactly the v1 shape.
 */
export const liveChatMessageSchema = chatMessageSchema.extend({
  edited_at: timestampSchema.optional(),
  reactions: z.array(reactionSchema).optional(),
});
export type LiveChatMessage = z.infer<typeof liveChatMessageSchema>;

/** A deleted message keeps its place and its author; its text is gone, on the wire and in storage. */
export const deletedChatMessageSchema = z.object({
  id: idSchema,
  user_id: idSchema,
  timestamp: timestampSchema,
  deleted: z.literal(true),
  client_id: clientIdSchema.optional(),
});
export type DeletedChatMessage = z.infer<typeof deletedChatMessageSchema>;

export const chatMessageStateSchema = z.union([liveChatMessageSchema, deletedChatMessageSchema]);
export type ChatMessageState = z.infer<typeof chatMessageStateSchema>;

export function isDeletedMessage(message: ChatMessageState): message is DeletedChatMessage {
  return 'deleted' in message && message.deleted === true;
}

/**
 * A conversation's change cursor: every edit, deletion and reaction takes the next value of one
 * sequence, so "changed after N" is everything a client that saw N has missed. 0: nothing seen.
 */
export const changeCursorSchema = z.number().int().nonnegative();
