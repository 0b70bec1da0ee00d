import { z } from 'zod';
import { hasMoreAfterSchema, idSchema } from './common.js';
import { changeCursorSchema, chatMessageStateSchema } from './message-state.js';
import { userWithPresenceSchema } from './users.js';

export const chatRoomSummarySchema = z.object({
  chat_room_id: idSchema,
  other_user: userWithPresenceSchema,
  last_message: chatMessageStateSchema.nullable(),
  unread_count: z.number().int().nonnegative(),
});
export type ChatRoomSummary = z.infer<typeof chatRoomSummarySchema>;

export const chatRoomsResponseSchema = z.object({ chat_rooms: z.array(chatRoomSummarySchema) });
export type ChatRoomsResponse = z.infer<typeof chatRoomsResponseSchema>;

export const chatRoomResponseSchema = z.object({
  chat_room_id: idSchema,
  other_user: userWithPresenceSchema,
  messages: z.array(chatMessageStateSchema),
  has_more: z.boolean(),
  /** (addition) The conversation's change cursor as this page was read; see `changed_after`. */
  change_cursor: changeCursorSchema.optional(),
  has_more_after: hasMoreAfterSchema,
});
export type ChatRoomResponse = z.infer<typeof chatRoomResponseSchema>;
