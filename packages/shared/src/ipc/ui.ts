import { z } from 'zod';
import { conversationRefSchema } from '../conversation.js';
import { defineInvoke } from './contract.js';

export { conversationRefSchema };

export const uiIpc = {
  /** One-way (`send`, no answer): the renderer reports what it shows. */
  setActiveConversation: defineInvoke('parley:ui:set-active-conversation', z.tuple([conversationRefSchema.nullable()])),
  openExternal: defineInvoke('parley:ui:open-external', z.tuple([z.string().max(8192)])),
} as const;
