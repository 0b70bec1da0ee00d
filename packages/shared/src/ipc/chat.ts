import { z } from 'zod';
import { messageSendSchema } from '../events/chat.js';
import { idSchema } from '../schemas/common.js';
import { defineInvoke } from './contract.js';

export const chatIpc = {
  send: defineInvoke('parley:chat:send', z.tuple([messageSendSchema])),
  leaveGroup: defineInvoke('parley:chat:leave-group', z.tuple([idSchema])),
} as const;
