import { z } from 'zod';
import { clientIdSchema, hasMoreAfterSchema, idSchema, timestampSchema } from './common.js';
import { attachmentSchema } from './files.js';

export const chatMessageSchema = z.object({
  id: idSchema,
  user_id: idSchema,
  message: z.string(),
  timestamp: timestampSchema,
  client_id: clientIdSchema.optional(),
  /** Files shown with the message, in the order they were sent; absent when there are none. */
  attachments: z.array(attachmentSchema).optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const botMessageSchema = z.object({
  id: idSchema,
  is_user: z.boolean(),
  message: z.string(),
  timestamp: timestampSchema,
  client_id: clientIdSchema.optional(),
});
export type BotMessage = z.infer<typeof botMessageSchema>;

export const botHistoryResponseSchema = z.object({
  messages: z.array(botMessageSchema),
  has_more: z.boolean(),
  has_more_after: hasMoreAfterSchema,
});
export type BotHistoryResponse = z.infer<typeof botHistoryResponseSchema>;
