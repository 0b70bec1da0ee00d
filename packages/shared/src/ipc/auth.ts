import { z } from 'zod';
import { loginRequestSchema, registerRequestSchema } from '../schemas/auth.js';
import { emailSchema } from '../schemas/text.js';
import { defineInvoke } from './contract.js';

export const authIpc = {
  register: defineInvoke('auth', 'register', z.tuple([registerRequestSchema])),
  login: defineInvoke('auth', 'login', z.tuple([loginRequestSchema])),
  logout: defineInvoke('auth', 'logout', z.tuple([])),
  session: defineInvoke('auth', 'session', z.tuple([])),
  keepsSignIn: defineInvoke('auth', 'keepsSignIn', z.tuple([])),
  requestPasswordReset: defineInvoke('auth', 'requestPasswordReset', z.tuple([emailSchema])),
} as const;
