import { z } from 'zod';
import { conversationRefSchema } from './ui.js';

/**
 * Main → renderer: a few fixed channels, each payload checked again in the preload (a server
 * event with `parseServerEvent` of the shared event map).
 */
export const eventChannels = {
  serverEvent: 'parley:event:server',
  connectionState: 'parley:event:connection-state',
  resync: 'parley:event:resync',
  openConversation: 'parley:event:open-conversation',
  uploadProgress: 'parley:event:upload-progress',
  serversChanged: 'parley:event:servers-changed',
} as const;

export const uploadProgressSchema = z.object({
  uploadId: z.string().min(1).max(64),
  sent: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const connectionStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_out') }),
  z.object({ status: z.literal('connecting') }),
  z.object({ status: z.literal('connected') }),
  z.object({
    status: z.literal('reconnecting'),
    attempt: z.number().int().nonnegative(),
    retryInMs: z.number().nonnegative(),
  }),
]);

export const openConversationSchema = conversationRefSchema;
