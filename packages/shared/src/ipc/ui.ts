import { z } from 'zod';
import { conversationRefSchema } from '../conversation.js';
import { defineInvoke } from './contract.js';

export { conversationRefSchema };

export const uiIpc = {
  /** One-way (`send`, no answer): the renderer reports what it shows. */
  setActiveConversation: defineInvoke('ui', 'setActiveConversation', z.tuple([conversationRefSchema.nullable()])),
  openExternal: defineInvoke('ui', 'openExternal', z.tuple([z.string().max(8192)])),
} as const;
