import { z } from 'zod';
import { loginRequestSchema, registerRequestSchema } from '../schemas/auth.js';
import { defineInvoke } from './contract.js';

export const authIpc = {
  register: defineInvoke('parley:auth:register', z.tuple([registerRequestSchema])),
  login: defineInvoke('parley:auth:login', z.tuple([loginRequestSchema])),
  logout: defineInvoke('parley:auth:logout', z.tuple([])),
  session: defineInvoke('parley:auth:session', z.tuple([])),
  keepsSignIn: defineInvoke('parley:auth:keeps-sign-in', z.tuple([])),
} as const;
