import { z } from 'zod';
import { idSchema } from '../schemas/common.js';
import { defineInvoke } from './contract.js';

export const conversationRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bot') }).strict(),
  z.object({ kind: z.literal('room'), userId: idSchema }).strict(),
  z.object({ kind: z.literal('group'), groupId: idSchema }).strict(),
]);

export const uiIpc = {
  /** One-way (`send`, no answer): the renderer reports what it shows. */
  setActiveConversation: defineInvoke('parley:ui:set-active-conversation', z.tuple([conversationRefSchema.nullable()])),
  openExternal: defineInvoke('parley:ui:open-external', z.tuple([z.string().max(8192)])),
} as const;
