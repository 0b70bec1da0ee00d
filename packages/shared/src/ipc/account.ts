import { z } from 'zod';
import { changePasswordRequestSchema, updateMeRequestSchema } from '../schemas/account.js';
import { idSchema } from '../schemas/common.js';
import { defineInvoke } from './contract.js';

export const accountIpc = {
  changePassword: defineInvoke('account', 'changePassword', z.tuple([changePasswordRequestSchema])),
  sessions: defineInvoke('account', 'sessions', z.tuple([])),
  endSession: defineInvoke('account', 'endSession', z.tuple([idSchema])),
  endOtherSessions: defineInvoke('account', 'endOtherSessions', z.tuple([])),
  updateMe: defineInvoke('account', 'updateMe', z.tuple([updateMeRequestSchema])),
} as const;
