import { z } from 'zod';
import { errorDetailSchema } from '../errors.js';
import { idSchema } from '../schemas/common.js';
import { changeCursorSchema, chatMessageStateSchema, reactionEmojiSchema } from '../schemas/message-state.js';
import { messageTextSchema } from '../schemas/text.js';

/** Messages people can change: those of rooms and groups. The bot chat's lines stay as written. */
const changeableChatType = z.enum(['room', 'group'], { error: 'must be "room" or "group"' });
const ignoredToken = { token: z.unknown().optional() };

/** `edit_message`: the author replaces the text; the rules of a new message apply. */
export const editMessageSchema = z.object({ chat_type: changeableChatType, id: idSchema, message: messageTextSchema, ...ignoredToken });
export type EditMessage = z.infer<typeof editMessageSchema>;

/** `delete_message`: the author removes the text; the message keeps its place as "deleted". */
export const deleteMessageSchema = z.object({ chat_type: changeableChatType, id: idSchema, ...ignoredToken });
export type DeleteMessage = z.infer<typeof deleteMessageSchema>;

/** `react`: toggles one emoji of the caller's on a message they can see. */
export const reactSchema = z.object({ chat_type: changeableChatType, id: idSchema, emoji: reactionEmojiSchema, ...ignoredToken });
export type React = z.infer<typeof reactSchema>;

/** What a client asks of a message, one value per socket event (the bridge carries this). */
export const messageChangeRequestSchema = z.discriminatedUnion('change', [
  editMessageSchema.extend({ change: z.literal('edit') }),
  deleteMessageSchema.extend({ change: z.literal('delete') }),
  reactSchema.extend({ change: z.literal('react') }),
]);
export type MessageChangeRequest = z.infer<typeof messageChangeRequestSchema>;

/** A message's new state, to exactly the audience of the message itself. */
export const roomMessageChangedEventSchema = z.object({
  chat_type: z.literal('room'),
  chat_room_id: idSchema,
  message: chatMessageStateSchema,
  change_cursor: changeCursorSchema,
});
export const groupMessageChangedEventSchema = z.object({
  chat_type: z.literal('group'),
  chat_group_id: idSchema,
  message: chatMessageStateSchema,
  change_cursor: changeCursorSchema,
});
export const messageChangedEventSchema = z.discriminatedUnion('chat_type', [
  roomMessageChangedEventSchema,
  groupMessageChangedEventSchema,
]);
export type MessageChangedEvent = z.infer<typeof messageChangedEventSchema>;

/** The acknowledgement of an edit, a deletion or a reaction: the message as it now is. */
export const changeAckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), message: chatMessageStateSchema, change_cursor: changeCursorSchema }),
  z.object({ ok: z.literal(false), error: errorDetailSchema }),
]);
export type ChangeAck = z.infer<typeof changeAckSchema>;

/** `typing`: the caller is typing in a conversation. Never stored. */
export const typingSendSchema = z.discriminatedUnion(
  'chat_type',
  [
    z.object({ chat_type: z.literal('room'), chat_room_id: idSchema, ...ignoredToken }),
    z.object({ chat_type: z.literal('group'), chat_group_id: idSchema, ...ignoredToken }),
  ],
  { error: 'must be "room" or "group"' },
);
export type TypingSend = z.infer<typeof typingSendSchema>;

/** `typing` relayed to the others in the conversation who are looking. */
export const typingEventSchema = z.discriminatedUnion('chat_type', [
  z.object({ chat_type: z.literal('room'), chat_room_id: idSchema, user_id: idSchema }),
  z.object({ chat_type: z.literal('group'), chat_group_id: idSchema, user_id: idSchema }),
]);
export type TypingEvent = z.infer<typeof typingEventSchema>;

/** How often a client says it is typing, and how long a receiver shows it without another word. */
export const typingTimings = { sendEveryMs: 3000, showForMs: 5000 } as const;
