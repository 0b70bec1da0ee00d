import { z } from 'zod';
import { idSchema } from '../schemas/common.js';
import { chatGroupSchema } from '../schemas/groups.js';
import { userSummarySchema } from '../schemas/users.js';

const unreadCount = z.number().int().nonnegative();

export const notificationEventSchema = z.union([
  z.object({ chat_room_id: idSchema, unread_count: unreadCount }),
  z.object({ chat_group_id: idSchema, unread_count: unreadCount }),
]);
export type NotificationEvent = z.infer<typeof notificationEventSchema>;

export const presenceEventSchema = z.object({ user_id: idSchema, online: z.boolean() });
export type PresenceEvent = z.infer<typeof presenceEventSchema>;

export const groupPresenceEventSchema = userSummarySchema.extend({
  chat_group_id: idSchema,
  present: z.boolean(),
});
export type GroupPresenceEvent = z.infer<typeof groupPresenceEventSchema>;

export const userRegisteredEventSchema = userSummarySchema;
export type UserRegisteredEvent = z.infer<typeof userRegisteredEventSchema>;

export const groupCreatedEventSchema = chatGroupSchema;
export type GroupCreatedEvent = z.infer<typeof groupCreatedEventSchema>;
export const groupUpdatedEventSchema = chatGroupSchema;
export type GroupUpdatedEvent = z.infer<typeof groupUpdatedEventSchema>;
