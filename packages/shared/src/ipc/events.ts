import { z } from 'zod';
import {
  groupCreatedEventSchema,
  groupPresenceEventSchema,
  groupUpdatedEventSchema,
  notificationEventSchema,
  presenceEventSchema,
  userRegisteredEventSchema,
} from '../events/broadcasts.js';
import { messageEventSchema } from '../events/chat.js';
import { conversationRefSchema } from './ui.js';

/** Main → renderer: a few fixed channels, each payload checked again in the preload. */
export const eventChannels = {
  serverEvent: 'parley:event:server',
  connectionState: 'parley:event:connection-state',
  resync: 'parley:event:resync',
  openConversation: 'parley:event:open-conversation',
} as const;

export const serverEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('message'), payload: messageEventSchema }),
  z.object({ event: z.literal('notification'), payload: notificationEventSchema }),
  z.object({ event: z.literal('presence'), payload: presenceEventSchema }),
  z.object({ event: z.literal('group_presence'), payload: groupPresenceEventSchema }),
  z.object({ event: z.literal('user_registered'), payload: userRegisteredEventSchema }),
  z.object({ event: z.literal('group_created'), payload: groupCreatedEventSchema }),
  z.object({ event: z.literal('group_updated'), payload: groupUpdatedEventSchema }),
]);

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
