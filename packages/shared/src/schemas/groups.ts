import { z } from 'zod';
import { hasMoreAfterSchema, idSchema } from './common.js';
import { changeCursorSchema, chatMessageStateSchema } from './message-state.js';
import { groupNameSchema } from './text.js';

export const chatGroupSchema = z.object({
  chat_group_id: idSchema,
  chat_group_name: z.string(),
  author_id: idSchema,
});
export type ChatGroup = z.infer<typeof chatGroupSchema>;

export const chatGroupSummarySchema = chatGroupSchema.extend({
  member_count: z.number().int().nonnegative(),
});
export type ChatGroupSummary = z.infer<typeof chatGroupSummarySchema>;

export const chatGroupsResponseSchema = z.object({ chat_groups: z.array(chatGroupSummarySchema) });
export type ChatGroupsResponse = z.infer<typeof chatGroupsResponseSchema>;

export const chatGroupResponseSchema = chatGroupSchema.extend({
  present_user_ids: z.array(idSchema),
  messages: z.array(chatMessageStateSchema),
  has_more: z.boolean(),
  /** (addition) The conversation's change cursor as this page was read; see `changed_after`. */
  change_cursor: changeCursorSchema.optional(),
  has_more_after: hasMoreAfterSchema,
});
export type ChatGroupResponse = z.infer<typeof chatGroupResponseSchema>;

export const createGroupRequestSchema = z.object({
  chat_group_name: groupNameSchema,
  author_id: idSchema.optional(),
});
export type CreateGroupRequest = z.infer<typeof createGroupRequestSchema>;

/** `PUT /chat_groups/{id}`; the seed's `PUT /chat_groups` carries the id in the body instead. */
export const renameGroupRequestSchema = z.object({
  chat_group_name: groupNameSchema,
  chat_group_id: idSchema.optional(),
});
export type RenameGroupRequest = z.infer<typeof renameGroupRequestSchema>;
