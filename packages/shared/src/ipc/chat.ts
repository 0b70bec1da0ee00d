import { z } from 'zod';
import { messageSendSchema } from '../events/chat.js';
import { messageChangeRequestSchema, typingSendSchema } from '../events/message-changes.js';
import { idSchema } from '../schemas/common.js';
import { defineInvoke } from './contract.js';

export const chatIpc = {
  send: defineInvoke('chat', 'send', z.tuple([messageSendSchema])),
  leaveGroup: defineInvoke('chat', 'leaveGroup', z.tuple([idSchema])),
  changeMessage: defineInvoke('chat', 'changeMessage', z.tuple([messageChangeRequestSchema])),
  typing: defineInvoke('chat', 'typing', z.tuple([typingSendSchema])),
} as const;
