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

/*
 * Presence travels in two shapes: one change, or a batch the server coalesced over a short window
 * (each user's last state only). Clients accept both; `presenceChanges` and
 * `groupPresenceChanges` read either as a list.
 */
export const presenceChangeSchema = z.object({ user_id: idSchema, online: z.boolean() });
export type PresenceChange = z.infer<typeof presenceChangeSchema>;
export const presenceBatchSchema = z.object({ changes: z.array(presenceChangeSchema).min(1) });
export type PresenceBatch = z.infer<typeof presenceBatchSchema>;

export const presenceEventSchema = z.union([presenceChangeSchema, presenceBatchSchema]);
export type PresenceEvent = z.infer<typeof presenceEventSchema>;

export function presenceChanges(event: PresenceEvent): PresenceChange[] {
  return 'changes' in event ? event.changes : [event];
}

export const groupPresenceChangeSchema = userSummarySchema.extend({ present: z.boolean() });
export type GroupPresenceChange = z.infer<typeof groupPresenceChangeSchema>;
export const groupPresenceBatchSchema = z.object({
  chat_group_id: idSchema,
  changes: z.array(groupPresenceChangeSchema).min(1),
});
export type GroupPresenceBatch = z.infer<typeof groupPresenceBatchSchema>;

export const groupPresenceSingleSchema = groupPresenceChangeSchema.extend({ chat_group_id: idSchema });
export type GroupPresenceSingle = z.infer<typeof groupPresenceSingleSchema>;

export const groupPresenceEventSchema = z.union([groupPresenceSingleSchema, groupPresenceBatchSchema]);
export type GroupPresenceEvent = z.infer<typeof groupPresenceEventSchema>;

export function groupPresenceChanges(event: GroupPresenceEvent): GroupPresenceChange[] {
  if ('changes' in event) return event.changes;
  const { chat_group_id: _group, ...change } = event;
  return [change];
}

export const userRegisteredEventSchema = userSummarySchema;
export type UserRegisteredEvent = z.infer<typeof userRegisteredEventSchema>;

/** A user's new names (`PUT /me`), to every online user. */
export const userUpdatedEventSchema = userSummarySchema;
export type UserUpdatedEvent = z.infer<typeof userUpdatedEventSchema>;

export const groupCreatedEventSchema = chatGroupSchema;
export type GroupCreatedEvent = z.infer<typeof groupCreatedEventSchema>;
export const groupUpdatedEventSchema = chatGroupSchema;
export type GroupUpdatedEvent = z.infer<typeof groupUpdatedEventSchema>;
