import { z } from 'zod';
import { conversationRefSchema } from '../conversation.js';
import { defineInvoke } from './contract.js';
import { serverUrlSchema } from './server.js';

/** A server's identity between the window and the main process: its origin, as the main process wrote it. */
export const serverIdSchema = z.string().min(1).max(2048);

/** One server the desktop app knows, as the switcher shows it. */
export const serverSummarySchema = z.object({
  id: serverIdSchema,
  /** Its host, and the port when not the default. */
  label: z.string(),
  url: z.string(),
  /** Unread messages there, counted in the main process whether it is on screen or not. */
  unread: z.number().int().nonnegative(),
  connection: z.enum(['signed_out', 'connecting', 'connected', 'reconnecting']),
  /** The one in the window. */
  active: z.boolean(),
  /** Hosted on this computer. */
  hosted: z.boolean(),
});
export type ServerSummary = z.infer<typeof serverSummarySchema>;

export const serverListSchema = z.array(serverSummarySchema).max(64);

export const serversIpc = {
  list: defineInvoke('servers', 'list', z.tuple([])),
  add: defineInvoke('servers', 'add', z.tuple([serverUrlSchema])),
  switchTo: defineInvoke('servers', 'switchTo', z.tuple([serverIdSchema, conversationRefSchema.nullable()])),
  remove: defineInvoke('servers', 'remove', z.tuple([serverIdSchema])),
  opening: defineInvoke('servers', 'opening', z.tuple([])),
} as const;
