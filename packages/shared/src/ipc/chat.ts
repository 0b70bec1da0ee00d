import { z } from 'zod';
import { messageSendSchema } from '../events/chat.js';
import { idSchema } from '../schemas/common.js';
import { defineInvoke } from './contract.js';

export const chatIpc = {
  send: defineInvoke('chat', 'send', z.tuple([messageSendSchema])),
  leaveGroup: defineInvoke('chat', 'leaveGroup', z.tuple([idSchema])),
} as const;
