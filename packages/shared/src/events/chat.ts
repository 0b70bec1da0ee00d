import { z } from 'zod';
import { errorDetailSchema } from '../errors.js';
import { clientIdSchema, idSchema } from '../schemas/common.js';
import { botMessageSchema, chatMessageSchema } from '../schemas/messages.js';
import { attachmentIdsSchema } from '../schemas/files.js';
import { messageTextSchema } from '../schemas/text.js';

// A `token` inside a payload is accepted and ignored: the socket is already authenticated.
const sendBase = {
  message: messageTextSchema,
  client_id: clientIdSchema.optional(),
  token: z.unknown().optional(),
};

/**
 * Rooms and groups take files (`attachments`: ids from `POST /files`); with at least one, the
 * text may be empty.
 */
const withFiles = {
  ...sendBase,
  message: z.union([messageTextSchema, z.literal('')]),
  attachments: attachmentIdsSchema.optional(),
};
const textOrFiles = (send: { message: string; attachments?: string[] | undefined }) =>
  send.message !== '' || (send.attachments?.length ?? 0) > 0;
const textOrFilesIssue = { message: 'must not be empty without attachments', path: ['message'] };

export const botSendSchema = z.object({ chat_type: z.literal('bot'), ...sendBase });
export const roomSendSchema = z
  .object({ chat_type: z.literal('room'), other_user_id: idSchema, ...withFiles })
  .refine(textOrFiles, textOrFilesIssue);
export const groupSendSchema = z
  .object({ chat_type: z.literal('group'), chat_group_id: idSchema, ...withFiles })
  .refine(textOrFiles, textOrFilesIssue);

/** What a client sends on `message`. */
export const messageSendSchema = z.discriminatedUnion('chat_type', [botSendSchema, roomSendSchema, groupSendSchema]);
export type MessageSend = z.infer<typeof messageSendSchema>;
export type BotSend = z.infer<typeof botSendSchema>;
export type RoomSend = z.infer<typeof roomSendSchema>;
export type GroupSend = z.infer<typeof groupSendSchema>;

export const roomChatMessageSchema = chatMessageSchema.extend({ chat_room_id: idSchema });
export type RoomChatMessage = z.infer<typeof roomChatMessageSchema>;
export const groupChatMessageSchema = chatMessageSchema.extend({ chat_group_id: idSchema });
export type GroupChatMessage = z.infer<typeof groupChatMessageSchema>;

/** What every socket of the people concerned receives on `message`. */
export const botMessageEventSchema = z.object({ chat_type: z.literal('bot'), messages: z.array(botMessageSchema) });
export const roomMessageEventSchema = roomChatMessageSchema.extend({ chat_type: z.literal('room') });
export const groupMessageEventSchema = groupChatMessageSchema.extend({ chat_type: z.literal('group') });
export const messageEventSchema = z.discriminatedUnion('chat_type', [
  botMessageEventSchema,
  roomMessageEventSchema,
  groupMessageEventSchema,
]);
export type BotMessageEvent = z.infer<typeof botMessageEventSchema>;
export type RoomMessageEvent = z.infer<typeof roomMessageEventSchema>;
export type GroupMessageEvent = z.infer<typeof groupMessageEventSchema>;
export type MessageEvent = z.infer<typeof messageEventSchema>;

/** The acknowledgement of a send: the stored message, or why it was refused. */
export const sendAckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), message: z.union([botMessageSchema, roomChatMessageSchema, groupChatMessageSchema]) }),
  z.object({ ok: z.literal(false), error: errorDetailSchema }),
]);
export type SendAck = z.infer<typeof sendAckSchema>;

export const leaveGroupSchema = z.object({ chat_group_id: idSchema, token: z.unknown().optional() });

export const simpleAckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: errorDetailSchema }),
]);
export type SimpleAck = z.infer<typeof simpleAckSchema>;

