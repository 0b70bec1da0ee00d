import { z } from 'zod';
import { idSchema } from './common.js';
import { chatMessageStateSchema } from './message-state.js';

const unreadCount = z.number().int().nonnegative();

/** Of the unread messages, those that mention the user (`<@id>`); a Parley addition. */
const mentionCount = unreadCount.optional();

export const roomNotificationSchema = z.object({
  chat_room_id: idSchema,
  unread_count: unreadCount,
  mention_count: mentionCount,
  last_message: chatMessageStateSchema.nullable(),
});
export const groupNotificationSchema = z.object({
  chat_group_id: idSchema,
  unread_count: unreadCount,
  mention_count: mentionCount,
  last_message: chatMessageStateSchema.nullable(),
});
export const notificationEntrySchema = z.union([roomNotificationSchema, groupNotificationSchema]);
export type NotificationEntry = z.infer<typeof notificationEntrySchema>;

export const notificationsResponseSchema = z.object({
  notifications: z.array(notificationEntrySchema),
  total_unread: unreadCount,
});
export type NotificationsResponse = z.infer<typeof notificationsResponseSchema>;

/** `PUT /notifications`: exactly one of the two ids. */
export const markReadRequestSchema = z.union([
  z.object({ chat_room_id: idSchema }).strict(),
  z.object({ chat_group_id: idSchema }).strict(),
], { error: 'give exactly one of chat_room_id or chat_group_id' });
export type MarkReadRequest = z.infer<typeof markReadRequestSchema>;

export const markReadResponseSchema = z.union([
  z.object({ chat_room_id: idSchema, unread_count: z.literal(0) }),
  z.object({ chat_group_id: idSchema, unread_count: z.literal(0) }),
]);
export type MarkReadResponse = z.infer<typeof markReadResponseSchema>;
